using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace FleetOps.Web.Localization;

/// <summary>
/// English messages of the services in the reader's language: the case trail, rule refusals, and — the one place an API
/// problem's <c>detail</c> is put into the caller's language — (PROTOCOL.md §10): <c>type</c> and
/// <c>title</c> stay English for machines; <c>detail</c> follows <c>Accept-Language</c> (English when it names neither
/// language, since an API client that did not ask reads the contract's language). Endpoints keep writing English
/// details; each <c>Problem.*</c> key of <see cref="UiText"/> is an English detail pattern with numbered placeholders
/// (<c>A store with code '{0}' already exists.</c>), and a detail that matches one is rewritten from the Chinese
/// pattern with the same values. A detail no pattern matches stays English.
/// </summary>
public static class ProblemDetailText
{
    private static readonly ResourceManager Resources = new(typeof(UiText).FullName!, typeof(UiText).Assembly);

    private static IEnumerable<System.Collections.DictionaryEntry> English =>
        Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!.Cast<System.Collections.DictionaryEntry>();

    /// <summary>The longest patterns first: "Resolved: {0} — {1}" must be tried before "Resolved: {0}".</summary>
    private static readonly Lazy<IReadOnlyList<(string Key, Regex English)>> Patterns = new(() => English
        .Where(e => ((string)e.Key).StartsWith("Problem.", StringComparison.Ordinal))
        .OrderByDescending(e => ((string)e.Value!).Length)
        .Select(e => ((string)e.Key, ToRegex((string)e.Value!)))
        .ToList());

    /// <summary>English names of enumeration members ("contact the acquirer") to their keys, for values inside a message.</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> EnumNames = new(() => English
        .Where(e => ((string)e.Key).StartsWith("Enum.", StringComparison.Ordinal))
        .GroupBy(e => (string)e.Value!, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => (string)g.First().Key, StringComparer.OrdinalIgnoreCase));

    public static void Localize(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Detail is not { Length: > 0 } detail) return;
        var language = new BrowserCultureProvider().DetermineProviderCultureResult(context.HttpContext).Result?.Cultures[0].Value;
        if (language is not null && SupportedCultures.Find(language.ToString()) is { } culture) context.ProblemDetails.Detail = Translate(detail, culture);
    }

    /// <summary>The detail in <paramref name="culture"/>; unchanged for English or when no pattern matches.</summary>
    public static string Translate(string detail, CultureInfo culture)
    {
        if (!SupportedCultures.IsChinese(culture)) return detail;
        foreach (var (key, english) in Patterns.Value)
        {
            var match = english.Match(detail);
            if (!match.Success) continue;
            var values = match.Groups.Cast<Group>().Skip(1).OrderBy(g => g.Name, StringComparer.Ordinal).Select(g => (object)Value(g.Value, culture)).ToArray();
            return string.Format(culture, Resources.GetString(key, culture)!, values);
        }
        return detail;
    }

    /// <summary>A value inside a message, in <paramref name="culture"/> when it is an enumeration's English name ("settled late").</summary>
    private static string Value(string english, CultureInfo culture) =>
        EnumNames.Value.TryGetValue(english, out var key) ? Resources.GetString(key, culture) ?? english : english;

    /// <summary>"No terminal {0}." → ^No\ terminal\ (?&lt;p0&gt;.+?)\.$</summary>
    private static Regex ToRegex(string pattern)
    {
        var escaped = Regex.Escape(pattern);
        var withGroups = Regex.Replace(escaped, @"\\\{(\d)}", m => $"(?<p{m.Groups[1].Value}>.+?)");
        return new Regex("^" + withGroups + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
    }
}
