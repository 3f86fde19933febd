using System.Globalization;
using FleetOps.Web.Localization;
using Microsoft.Extensions.Options;

namespace FleetOps.Components.Tests.Infrastructure;

/// <summary>The app's formats and texts in one language, without a component (for the formatting rules' own tests).</summary>
public static class Languages
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo(SupportedCultures.English);
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(SupportedCultures.Chinese);

    /// <summary>A circuit's culture fixed to <paramref name="language"/>, whatever the machine's own culture.</summary>
    public static UiCulture Culture(CultureInfo language)
    {
        var culture = new UiCulture(Options.Create(new LanguageOptions { DefaultCulture = language.Name }));
        culture.Change(language);
        return culture;
    }

    public static UiFormat Format(CultureInfo language)
    {
        var culture = Culture(language);
        return new UiFormat(new CultureLocalizer<UiText>(culture), culture);
    }
}
