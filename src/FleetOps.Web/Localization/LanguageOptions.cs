using System.Globalization;
using FleetOps.Core.Settings;

namespace FleetOps.Web.Localization;

/// <summary>
/// <c>FleetOps:DefaultCulture</c>: the language of someone who has not chosen one and whose browser asks for neither
/// supported language (default zh-CN: the chain's staff work in Chinese).
/// </summary>
public sealed class LanguageOptions : ICheckedSettings
{
    public const string Section = "FleetOps";

    public string DefaultCulture { get; set; } = SupportedCultures.Chinese;

    /// <summary>
    /// The language of a reader who is not on a page — a mail, a calendar feed: their saved language, else this default
    /// (there is no browser to ask).
    /// </summary>
    public CultureInfo ForReader(string? savedCulture) =>
        SupportedCultures.Find(savedCulture) ?? SupportedCultures.Find(DefaultCulture) ?? SupportedCultures.All[0];

    public IReadOnlyList<string> Problems()
    {
        var problems = new SettingProblems(Section);
        return problems.Require(SupportedCultures.Names.Contains(DefaultCulture, StringComparer.Ordinal),
            $"{problems.Key(nameof(DefaultCulture))} must be one of {string.Join(", ", SupportedCultures.Names)} (was {DefaultCulture}).").ToList();
    }
}
