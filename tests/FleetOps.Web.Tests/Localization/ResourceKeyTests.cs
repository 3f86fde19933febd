using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FleetOps.Core.Wire;
using FleetOps.Web.Tests.Architecture;

namespace FleetOps.Web.Tests.Localization;

/// <summary>
/// Issue 10: both languages have exactly the same keys, no text is empty, the placeholders agree, and every key of
/// <c>UiText</c> is used — by a literal in the sources, as an enumeration name (<c>Enum.{EnumType}.{wire_name}</c> of a
/// Core enumeration), as an API problem or audit text pattern that a source still writes, or as a <c>Word.*</c> whose
/// English is a literal there. Each failure names the keys.
/// </summary>
public sealed partial class ResourceKeyTests
{
    private static readonly string Folder = Path.Combine(SourceFiles.Root, "src", "FleetOps.Web", "Localization");

    public static TheoryData<string> Sets => new() { "UiText", "MudBlazorText" };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Both_languages_have_the_same_keys(string set)
    {
        var english = Read(set, "");
        var chinese = Read(set, ".zh-CN");
        Assert.True(english.Keys.Order().SequenceEqual(chinese.Keys.Order()),
            $"Only in English: {string.Join(", ", english.Keys.Except(chinese.Keys))}; only in Chinese: {string.Join(", ", chinese.Keys.Except(english.Keys))}");
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void No_text_is_empty_and_placeholders_agree(string set)
    {
        var english = Read(set, "");
        var chinese = Read(set, ".zh-CN");
        var empty = english.Concat(chinese).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key);
        Assert.Empty(empty);
        var disagreeing = english.Keys.Intersect(chinese.Keys).Where(k => !Placeholders(english[k]).SetEquals(Placeholders(chinese[k])));
        Assert.Empty(disagreeing);
    }

    [Fact]
    public void Every_key_is_used()
    {
        var sources = string.Join("\n", WebSources().Select(File.ReadAllText));
        var coreSources = string.Join("\n", Directory.EnumerateFiles(Path.Combine(SourceFiles.Root, "src", "FleetOps.Core"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText));
        var derived = EnumKeys().ToHashSet(StringComparer.Ordinal);
        var unused = Read("UiText", "").Where(e => !derived.Contains(e.Key) && !sources.Contains($"\"{AskedAs(e.Key)}\"", StringComparison.Ordinal)
                && !((e.Key.StartsWith("Problem.", StringComparison.Ordinal) || e.Key.StartsWith("AuditText.", StringComparison.Ordinal)) && StillWritten(e.Value, sources + coreSources))
                && !(e.Key.StartsWith("Word.", StringComparison.Ordinal) && sources.Contains($"\"{e.Value}\"", StringComparison.Ordinal)))
            .Select(e => e.Key).Order().ToList();
        Assert.True(unused.Count == 0, "Unused keys: " + string.Join(", ", unused));
    }

    [Fact]
    public void Every_key_the_sources_ask_for_exists()
    {
        var keys = Read("UiText", "").Keys.ToHashSet(StringComparer.Ordinal);
        var asked = WebSources().SelectMany(f =>
        {
            var text = File.ReadAllText(f);
            // A counted sentence (F.Count("Stem", n)) needs both of its forms.
            return KeyUse().Matches(text).Select(m => m.Groups["key"].Value)
                .Concat(CountUse().Matches(text).SelectMany(m => new[] { $"{m.Groups["key"].Value}.One", $"{m.Groups["key"].Value}.Other" }))
                .Select(key => (File: SourceFiles.Relative(f), Key: key));
        });
        var missing = asked.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct().Order().ToList();
        Assert.True(missing.Count == 0, "No text for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_counted_sentence_has_both_forms()
    {
        var english = Read("UiText", "");
        var halves = english.Keys.Where(k => k.EndsWith(".One", StringComparison.Ordinal) || k.EndsWith(".Other", StringComparison.Ordinal)).Select(AskedAs)
            .Where(s => !english.ContainsKey($"{s}.One") || !english.ContainsKey($"{s}.Other")).Distinct().Order().ToList();
        Assert.True(halves.Count == 0, "Only one form: " + string.Join(", ", halves));
    }

    /// <summary>The key as the sources ask for it: a counted sentence's forms (<c>Risk.Payments.One</c>) by their stem (<c>Risk.Payments</c>).</summary>
    private static string AskedAs(string key) =>
        key.EndsWith(".One", StringComparison.Ordinal) ? key[..^".One".Length]
        : key.EndsWith(".Other", StringComparison.Ordinal) ? key[..^".Other".Length]
        : key;

    /// <summary>Enum.{EnumType}.{wire_name} for every member of every Core enumeration shown to people.</summary>
    private static IEnumerable<string> EnumKeys() =>
        from type in typeof(WireNames).Assembly.GetTypes().Concat(typeof(FleetOps.Web.Localization.UiText).Assembly.GetTypes()) // Core's, and the pages' own (calendar views)
        where type.IsEnum && type.IsPublic && !type.Name.EndsWith("Sort", StringComparison.Ordinal)
            && type.GetFields(BindingFlags.Public | BindingFlags.Static).All(f => f.IsDefined(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute)))
        from name in (IReadOnlyList<string>)typeof(WireNames).GetMethod(nameof(WireNames.Names), BindingFlags.Public | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, null)!
        select $"Enum.{type.Name}.{name}";

    /// <summary>
    /// An English problem pattern is still written when some source line matches it with its placeholders as interpolations
    /// (a count's noun, <c>{4:person|people}</c>, is an interpolation too).
    /// </summary>
    private static bool StillWritten(string pattern, string sources)
    {
        // A count with its noun ("{3} {3:wave|waves}") may be written as one value (AuditLog.Counted) or as two.
        const string Counted = "\u0001";
        var regex = Regex.Replace(Regex.Escape(Regex.Replace(pattern, @"\{(\d)} \{\1:[^}]*}", Counted)), @"\\\{\d(?::[^}]*)?}", @"\{[^}]+}")
            .Replace(Counted, @"\{[^}]+}( \{[^}]+})?", StringComparison.Ordinal)
            // A quoted value ("\"{0}\" has no version number in it") may be quoted by the code that writes it ({Quoted(s)}).
            .Replace(@"""\{[^}]+}""", @"(?:""\{[^}]+}""|\{[^}]+})", StringComparison.Ordinal);
        return Regex.IsMatch(sources, regex);
    }

    private static IEnumerable<string> WebSources() =>
        Directory.EnumerateFiles(Path.Combine(SourceFiles.Root, "src", "FleetOps.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !SourceFiles.Relative(f).Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj" or "Migrations"));

    private static Dictionary<string, string> Read(string set, string language) =>
        XDocument.Load(Path.Combine(Folder, $"{set}{language}.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    /// <summary>A key read through the injected localizer: <c>T["Nav.Terminals"]</c>, <c>texts["Time.Never"]</c>.</summary>
    [GeneratedRegex(@"\b(?:T|texts)\[""(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)""")]
    private static partial Regex KeyUse();

    /// <summary>A counted sentence: <c>F.Count("Risk.Payments", n)</c>.</summary>
    [GeneratedRegex(@"\bF\.Count\(""(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9_]+)+)""")]
    private static partial Regex CountUse();
}
