using System.Globalization;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Localization;

/// <summary>
/// The language of one circuit (or one static request): scoped. It starts as the request's culture (chosen by
/// <see cref="SavedCultureProvider"/>, the culture cookie, <c>Accept-Language</c>, then <c>FleetOps:DefaultCulture</c>)
/// and changes when the user picks another language in the user menu (<see cref="CultureSwitch"/>). FleetOps' own texts
/// and formats read it explicitly: a circuit renders on threads whose ambient culture is whatever it was when the renderer
/// was made (dotnet/aspnetcore#35965), so the thread's culture alone cannot carry a change made later.
/// <see cref="CultureCircuitHandler"/> still sets the thread's culture for every inbound activity, for MudBlazor's own
/// number and date formatting.
/// </summary>
public sealed class UiCulture(IOptions<LanguageOptions> options)
{
    private CultureInfo? _current;

    public CultureInfo Current
    {
        get => _current ??= SupportedCultures.Find(CultureInfo.CurrentUICulture.Name)
            ?? SupportedCultures.Find(options.Value.DefaultCulture) ?? SupportedCultures.All[0];
        private set => _current = value;
    }

    /// <summary>
    /// A fixed language for a reader who is not on a page — an e-mail written in its recipient's saved language — without
    /// touching the thread's culture (it is set on the alert service's thread, which others share).
    /// </summary>
    public static UiCulture Fixed(CultureInfo culture) => new(Options.Create(new LanguageOptions())) { Current = culture };

    /// <summary>Sets this thread's (and its async flow's) cultures to <see cref="Current"/>.</summary>
    public void Apply()
    {
        CultureInfo.CurrentCulture = Current;
        CultureInfo.CurrentUICulture = Current;
    }

    public void Change(CultureInfo culture)
    {
        Current = culture;
        Apply();
    }
}
