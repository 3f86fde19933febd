using System.Security.Claims;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Localization;

namespace FleetOps.Web.Localization;

/// <summary>
/// First in the request's culture order: the language the signed-in user chose (kept on the user, read from the in-memory
/// <see cref="UserDirectory"/>, so no database trip per request). Anonymous requests and users who never chose fall
/// through to the culture cookie, then <c>Accept-Language</c>, then <c>FleetOps:DefaultCulture</c>.
/// </summary>
public sealed class SavedCultureProvider(UserDirectory users) : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var user = httpContext.User.Identity?.IsAuthenticated == true ? users.Get(httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier)) : null;
        return Task.FromResult(SupportedCultures.Find(user?.Culture) is { } culture ? new ProviderCultureResult(culture.Name) : null);
    }
}
