using System.Security.Claims;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Localization;

namespace FleetOps.Web.Localization;

/// <summary>
/// The language links of the static account pages (sign-in, password, sign-out), which have no user menu and no circuit:
/// a GET that writes the culture cookie — and, for a signed-in user, saves the choice as the user menu does — then goes
/// back to the page. Only a language changes, so it needs no anti-forgery token.
/// </summary>
public static class LanguageApi
{
    public const string Path = "/account/language";

    public static string Link(string culture, string returnUrl) =>
        $"{Path.TrimStart('/')}?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IEndpointRouteBuilder MapLanguageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, ChooseAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ChooseAsync(string? culture, string? returnUrl, HttpContext context, UserAdministration users)
    {
        var back = AccountApi.LocalOr(returnUrl, "/");
        if (SupportedCultures.Find(culture) is not { } chosen) return Results.LocalRedirect(back);
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            await users.SetCultureAsync(userId, chosen.Name);
        }
        return Results.LocalRedirect(back);
    }
}
