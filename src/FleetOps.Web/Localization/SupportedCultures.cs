using System.Globalization;

namespace FleetOps.Web.Localization;

/// <summary>The languages FleetOps speaks (PROTOCOL.md §10): Simplified Chinese and English.</summary>
public static class SupportedCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Names = [Chinese, English];

    public static readonly IReadOnlyList<CultureInfo> All = [CultureInfo.GetCultureInfo(Chinese), CultureInfo.GetCultureInfo(English)];

    /// <summary>
    /// The supported culture a name asks for: "zh", "zh-Hans", "zh-CN", "zh-SG" → zh-CN; "en", "en-US", "en-GB" → en;
    /// anything else (or nothing) → null. Traditional Chinese (zh-TW, zh-HK, zh-Hant) is not Simplified: null.
    /// </summary>
    public static CultureInfo? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var n = name.Trim();
        if (n.StartsWith("en", StringComparison.OrdinalIgnoreCase) && (n.Length == 2 || n[2] == '-')) return All[1];
        if (!n.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || (n.Length > 2 && n[2] != '-')) return null;
        var traditional = n.Contains("Hant", StringComparison.OrdinalIgnoreCase) || n.EndsWith("-TW", StringComparison.OrdinalIgnoreCase)
            || n.EndsWith("-HK", StringComparison.OrdinalIgnoreCase) || n.EndsWith("-MO", StringComparison.OrdinalIgnoreCase);
        return traditional ? null : All[0];
    }

    /// <summary>A language named in itself, so someone who cannot read the current one still finds theirs.</summary>
    public static string NativeName(string culture) => culture == Chinese ? "简体中文" : "English";

    public static bool IsChinese(CultureInfo culture) => culture.Name == Chinese;
}
