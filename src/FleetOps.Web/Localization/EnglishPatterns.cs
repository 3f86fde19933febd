using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace FleetOps.Web.Localization;

/// <summary>
/// English sentences that services write and keep (problem details, the case trail, the audit log) put into the reader's
/// language afterwards: every <see cref="UiText"/> key under a prefix is an English pattern with numbered placeholders
/// (<c>version {0}</c>), and a text that matches one whole is rewritten from the same key's pattern in the reader's
/// language with the same values. A value that is a name FleetOps shows — an enumeration member by its English name (and,
/// for texts FleetOps composed itself, by its wire name; a role; one of the <c>Word.*</c> words) — is translated too;
/// anything else (codes, names, people's notes) is kept as written. A count's noun is written <c>{4} {4:person|people}</c>:
/// the pattern then matches either form (old rows said "1 people") and the text is rewritten with the form the count asks for.
/// </summary>
internal sealed class EnglishPatterns
{
    private static readonly ResourceManager Resources = new(typeof(UiText).FullName!, typeof(UiText).Assembly);

    private static IEnumerable<DictionaryEntry> English =>
        Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>();

    /// <summary>Enumeration members' English names to their keys ("contact the acquirer").</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> EnumNames = new(() => NamesOf(e =>
        e.Key.StartsWith("Enum.", StringComparison.Ordinal) ? [e.Value] : []));

    /// <summary>
    /// Also wire names, roles, words and the shipped programmes' and checklists' keys ("unstable_power", "Store manager",
    /// "none", "emergency_plan"): for texts FleetOps composed itself, where a bare code is a name (not for problem details,
    /// which quote what a caller sent).
    /// </summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> AllNames = new(() => NamesOf(e =>
        e.Key.StartsWith("Enum.", StringComparison.Ordinal) ? [e.Value, e.Key[(e.Key.LastIndexOf('.') + 1)..]]
        : e.Key.StartsWith("Role.", StringComparison.Ordinal) || e.Key.StartsWith("Word.", StringComparison.Ordinal) ? [e.Value]
        : (e.Key.StartsWith("Training.", StringComparison.Ordinal) || e.Key.StartsWith("Checklist.", StringComparison.Ordinal))
            && e.Key.Count(c => c == '.') == 1 && e.Key.Split('.')[1].Contains('_') ? [e.Key.Split('.')[1]]
        : []));

    private static IReadOnlyDictionary<string, string> NamesOf(Func<(string Key, string Value), string[]> spellings) => English
        .Select(e => (Key: (string)e.Key, Value: (string)e.Value!))
        .SelectMany(e => spellings(e).Select(spelling => (Spelling: spelling, e.Key)))
        .GroupBy(e => e.Spelling, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.OrdinalIgnoreCase);

    private readonly Lazy<IReadOnlyDictionary<string, string>> _names;
    private readonly EnglishPatterns? _clauses;

    /// <summary>The longest patterns first: "Resolved: {0} — {1}" must be tried before "Resolved: {0}".</summary>
    private readonly Lazy<IReadOnlyList<(string Key, Regex English)>> _patterns;

    /// <param name="prefix">The keys that are patterns ("Problem.").</param>
    /// <param name="codesAreNames">Whether wire names, roles and words in values are translated too (see <see cref="AllNames"/>).</param>
    /// <param name="clauses">Patterns a value may be whole ("no version reported" after "cannot be ordered:"), translated
    /// with the sentence; a service composes such a sentence from a reason another part of FleetOps wrote.</param>
    /// <param name="except">Keys under <paramref name="prefix"/> that are only clauses, never a text of their own: a short
    /// clause ("{0} {0:week|weeks}") would otherwise take a whole text ending in "weeks" for itself.</param>
    public EnglishPatterns(string prefix, bool codesAreNames, EnglishPatterns? clauses = null, string? except = null)
    {
        _clauses = clauses;
        _names = codesAreNames ? AllNames : EnumNames;
        _patterns = new(() => English
            .Where(e => ((string)e.Key).StartsWith(prefix, StringComparison.Ordinal)
                && (except is null || !((string)e.Key).StartsWith(except, StringComparison.Ordinal)))
            .OrderByDescending(e => ((string)e.Value!).Length)
            .Select(e => ((string)e.Key, ToRegex((string)e.Value!)))
            .ToList());
    }

    /// <summary>The text in <paramref name="culture"/> when one pattern matches it whole; else null.</summary>
    public string? Match(string text, CultureInfo culture)
    {
        foreach (var (key, english) in _patterns.Value)
        {
            var match = english.Match(text);
            if (!match.Success) continue;
            // A pattern whose key ends in "Codes" lists what must be typed ("must be one of: sale, refund"): its values are
            // wire names to copy, kept as written even where they are also names the pages translate.
            var verbatim = key.EndsWith("Codes", StringComparison.Ordinal);
            var values = match.Groups.Cast<Group>().Skip(1).OrderBy(g => g.Name, StringComparer.Ordinal)
                .Select(g => (object)(verbatim ? g.Value : _clauses?.Match(g.Value, culture) ?? Value(g.Value, culture))).ToArray();
            return Format(key, culture, values);
        }
        return null;
    }

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> with <paramref name="values"/> (counts in their forms).</summary>
    public string Format(string key, CultureInfo culture, params object[] values) =>
        string.Format(new CountForms(culture), Resources.GetString(key, culture)!, values);

    /// <summary>
    /// A value in <paramref name="culture"/> when it is a name FleetOps shows ("settled late", "unstable_power"), or a
    /// comma-separated list of them ("offline,unstable_power"); else as written.
    /// </summary>
    public string Value(string english, CultureInfo culture)
    {
        var names = _names.Value;
        if (names.TryGetValue(english, out var key)) return Resources.GetString(key, culture) ?? english;
        if (!english.Contains(',', StringComparison.Ordinal)) return english;
        var items = english.Split(',');
        var comma = SupportedCultures.IsChinese(culture) ? "、" : ", ";
        return items.All(i => names.ContainsKey(i.Trim())) ? string.Join(comma, items.Select(i => Resources.GetString(names[i.Trim()], culture))) : english;
    }

    /// <summary>"No terminal {0}." → ^No\ terminal\ (?&lt;p0&gt;.+?)\.$; a count's noun "{4:person|people}" → (?:person|people).</summary>
    private static Regex ToRegex(string pattern)
    {
        var escaped = Regex.Escape(pattern);
        escaped = Regex.Replace(escaped, @"\\\{\d:([^}|]*)\\\|([^}]*)}", m => $"(?:{m.Groups[1].Value}|{m.Groups[2].Value})");
        var withGroups = Regex.Replace(escaped, @"\\\{(\d)}", m => $"(?<p{m.Groups[1].Value}>.+?)");
        return new Regex("^" + withGroups + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
    }
}
