using System.Globalization;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Localization;
using Microsoft.JSInterop;

namespace FleetOps.Web.Localization;

/// <summary>
/// Changes the language of an open page without a reload: the circuit's <see cref="UiCulture"/> changes, every component
/// that follows it (<c>Components/Shared/LocalizedComponent</c>) renders again with its state intact, the choice is
/// saved on the user (also when it is the language already shown), and the standard culture cookie is written so the next HTTP request (a download, a static page,
/// the sign-in page after signing out) speaks the same language.
/// </summary>
public sealed class CultureSwitch(UiCulture culture, CascadingValueSource<UiCulture> followers, UserChanges users, CurrentAccess access, IJSRuntime js)
{
    public const string CookieScript = "fleetOps.setCultureCookie";

    public async Task ChangeAsync(CultureInfo language)
    {
        if (SupportedCultures.Find(language.Name) is not { } chosen) return;
        // Saved even when it is the language already shown: a page may follow the browser while the account has none
        // saved, and e-mail (which has no browser to ask) uses the saved one — choosing it is how a person says "mine".
        if (await access.UserAsync() is { } user) await users.RunAsync(a => a.SetCultureAsync(user.UserId, chosen.Name));
        if (chosen.Name != culture.Current.Name) culture.Change(chosen);
        // Told also when only the saved language changed: a page that shows it (Notifications) reads it again.
        await followers.NotifyChangedAsync();
        await js.InvokeVoidAsync(CookieScript, CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)), chosen.Name);
    }
}
