using Microsoft.AspNetCore.Localization;

namespace FleetOps.Web.Localization;

/// <summary>
/// The browser's <c>Accept-Language</c>, read the way people mean it: the first language by preference that FleetOps
/// speaks, with "zh", "zh-Hans" and "zh-SG" as Simplified Chinese and any "en-*" as English (the standard provider
/// would not match "zh" to zh-CN). Traditional Chinese and other languages fall through to the default.
/// </summary>
public sealed class BrowserCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var wanted = httpContext.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1) // a stable sort: equal weights keep the browser's order
            .Select(l => SupportedCultures.Find(l.Value.Value))
            .FirstOrDefault(c => c is not null);
        return Task.FromResult(wanted is null ? null : new ProviderCultureResult(wanted.Name));
    }
}
