using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FleetOps.Core.Detection;

/// <summary>
/// A terminal software version as vendors really write it, ordered the way people mean it (issue 13 item 1):
/// <list type="bullet">
/// <item>numeric parts compare as numbers, any number of them, missing ones are zero: <c>3.10.0</c> &gt; <c>3.9.2</c>, <c>3.2</c> = <c>3.2.0</c>;</item>
/// <item>a pre-release tag orders below its release, identifiers compared as SemVer does: <c>3.3.0-rc.1</c> &lt; <c>3.3.0-rc.2</c> &lt; <c>3.3.0</c>
///   (also written <c>3.3.0rc1</c> or <c>3.3.0 beta</c>);</item>
/// <item>build metadata is ignored: <c>+build.5</c>, a vendor's build or date stamp such as <c>_20260101</c> or <c>-20260101</c> (six or more
///   digits), and a vendor suffix after <c>_</c> or a space that is not a pre-release word (<c>V3.2.1_CN</c>);</item>
/// <item>a vendor prefix is skipped: <c>V3.2.1</c>, <c>ver 3.2.1</c>, <c>PAX-A920-3.2.1</c> (the first dotted number is the version).</item>
/// </list>
/// A string with no number in it cannot be ordered: <see cref="TryParse"/> says why, and callers show the terminal's status
/// as <c>unknown</c> with that reason — never a text comparison.
/// </summary>
public sealed class SoftwareVersion : IComparable<SoftwareVersion>, IEquatable<SoftwareVersion>
{
    /// <summary>Longer numbers are not versions (and would overflow): a serial number or a card-like run.</summary>
    private const int MaxDigits = 9;

    /// <summary>A trailing run of this many digits or more after the version is a build or date stamp, not a pre-release.</summary>
    private const int StampDigits = 6;

    private readonly ImmutableArray<long> _numbers;
    private readonly ImmutableArray<string> _preRelease;

    private SoftwareVersion(string text, ImmutableArray<long> numbers, ImmutableArray<string> preRelease)
    {
        Text = text;
        _numbers = numbers;
        _preRelease = preRelease;
    }

    /// <summary>As the terminal or the administrator wrote it.</summary>
    public string Text { get; }

    public bool IsPreRelease => _preRelease.Length > 0;

    /// <summary>
    /// Versions already read, by their text: a fleet reports a handful of distinct strings, and a target change re-judges
    /// 100,000 terminals against them. Bounded, so a terminal sending a new string on every heartbeat cannot grow it.
    /// </summary>
    private static readonly ConcurrentDictionary<string, (SoftwareVersion? Version, string? Reason)> Read = new(StringComparer.Ordinal);
    private const int MaxRemembered = 10_000;

    /// <summary>Reads <paramref name="text"/>; when it cannot be ordered, <paramref name="reason"/> says why in plain English.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SoftwareVersion? version, [NotNullWhen(false)] out string? reason)
    {
        if (text is not null && Read.TryGetValue(text, out var known))
        {
            (version, reason) = known;
            return version is not null;
        }
        var parsed = TryParseText(text, out version, out reason);
        if (text is not null && Read.Count < MaxRemembered) Read.TryAdd(text, (version, reason));
        return parsed;
    }

    private static bool TryParseText(string? text, [NotNullWhen(true)] out SoftwareVersion? version, [NotNullWhen(false)] out string? reason)
    {
        version = null;
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
        {
            reason = "no version reported";
            return false;
        }
        var start = CoreStart(s);
        if (start < 0)
        {
            reason = $"{Quoted(s)} has no version number in it";
            return false;
        }
        var numbers = ImmutableArray.CreateBuilder<long>();
        var i = start;
        while (true)
        {
            var digits = 0;
            while (i + digits < s.Length && char.IsAsciiDigit(s[i + digits])) digits++;
            if (digits > MaxDigits)
            {
                reason = $"{Quoted(s)} has a number too long for a version part";
                return false;
            }
            numbers.Add(long.Parse(s.AsSpan(i, digits), CultureInfo.InvariantCulture));
            i += digits;
            if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1])) i++;
            else break;
        }
        version = new SoftwareVersion(s, numbers.ToImmutable(), PreRelease(s[i..]));
        reason = null;
        return true;
    }

    public static SoftwareVersion? ParseOrNull(string? text) => TryParse(text, out var version, out _) ? version : null;

    /// <summary>
    /// Orders two version strings for sorting lists: versions by <see cref="CompareTo"/>; a string that is no version
    /// sorts below every version, and such strings among themselves by ordinal text — only so a sort is stable.
    /// Status decisions never use this on unorderable strings: they read <see cref="TryParse"/>.
    /// </summary>
    public static int Compare(string? left, string? right)
    {
        var (a, b) = (ParseOrNull(left), ParseOrNull(right));
        return (a, b) switch
        {
            (null, null) => string.CompareOrdinal(left, right),
            (null, _) => -1,
            (_, null) => 1,
            _ => a.CompareTo(b),
        };
    }

    public int CompareTo(SoftwareVersion? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < Math.Max(_numbers.Length, other._numbers.Length); i++)
        {
            var x = i < _numbers.Length ? _numbers[i] : 0;
            var y = i < other._numbers.Length ? other._numbers[i] : 0;
            if (x != y) return x.CompareTo(y);
        }
        return ComparePreRelease(_preRelease, other._preRelease);
    }

    public bool Equals(SoftwareVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as SoftwareVersion);

    /// <summary>Equal versions hash alike: trailing zero parts and the pre-release's letter case do not count.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        var last = _numbers.Length - 1;
        while (last > 0 && _numbers[last] == 0) last--;
        for (var i = 0; i <= last; i++) hash.Add(_numbers[i]);
        foreach (var id in _preRelease) hash.Add(id, StringComparer.OrdinalIgnoreCase);
        return hash.ToHashCode();
    }

    public override string ToString() => Text;

    /// <summary>Where the version's numbers begin: the first dotted number (past a vendor prefix that may hold digits
    /// of its own, as in a model name), else the first number at all.</summary>
    private static int CoreStart(string s)
    {
        var firstDigit = -1;
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]) || (i > 0 && char.IsAsciiDigit(s[i - 1]))) continue;
            if (firstDigit < 0) firstDigit = i;
            var j = i;
            while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
            if (j + 1 < s.Length && s[j] == '.' && char.IsAsciiDigit(s[j + 1])) return i;
        }
        return firstDigit;
    }

    /// <summary>
    /// The pre-release identifiers of what follows the numbers: "-rc.1", "rc1", " beta 2" → [rc, 1] / [beta, 2];
    /// "+anything", a build or date stamp ("_20260101", "-20260101", "_b1234567") and a vendor suffix ("_CN") give none.
    /// </summary>
    private static ImmutableArray<string> PreRelease(string rest)
    {
        var plus = rest.IndexOf('+');
        if (plus >= 0) rest = rest[..plus];
        var ids = Identifiers(rest);
        // A stamp is build metadata: a trailing long digit run, optionally after a "b"/"build" marker.
        if (ids.Count > 0 && ids[^1].All(char.IsAsciiDigit) && ids[^1].Length >= StampDigits)
        {
            ids.RemoveAt(ids.Count - 1);
            if (ids.Count > 0 && ids[^1].ToLowerInvariant() is "b" or "build") ids.RemoveAt(ids.Count - 1);
        }
        if (ids.Count == 0) return [];
        // "-tag" (SemVer) and letters right after the numbers ("3.3.0rc1") are a pre-release. After "_" or a space only a
        // known pre-release word is ("3.3.0 beta 2"); anything else there is a vendor's suffix ("V3.2.1_CN"), ignored.
        var marked = rest[0] == '-' || char.IsAsciiLetter(rest[0]) || PreReleaseWords.Contains(ids[0]);
        return marked ? ids.ToImmutable() : [];
    }

    private static readonly HashSet<string> PreReleaseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "alpha", "beta", "rc", "pre", "preview", "dev", "snapshot", "test", "trial",
    };

    private static ImmutableArray<string>.Builder Identifiers(string rest)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var token in rest.Split(['-', '.', '_', ' ', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            // A run of letters and a run of digits are two identifiers: "rc1" reads as "rc.1".
            var k = 0;
            while (k < token.Length)
            {
                var digit = char.IsAsciiDigit(token[k]);
                var end = k;
                while (end < token.Length && char.IsAsciiDigit(token[end]) == digit) end++;
                ids.Add(token[k..end]);
                k = end;
            }
        }
        return ids;
    }

    /// <summary>SemVer §11: a release outranks its pre-releases; numeric identifiers compare as numbers and below letters.</summary>
    private static int ComparePreRelease(ImmutableArray<string> a, ImmutableArray<string> b)
    {
        if (a.Length == 0 || b.Length == 0) return b.Length.CompareTo(a.Length);
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var (x, y) = (a[i], b[i]);
            var (xNumeric, yNumeric) = (x.All(char.IsAsciiDigit), y.All(char.IsAsciiDigit));
            var order = (xNumeric, yNumeric) switch
            {
                (true, true) => CompareDigits(x, y),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
            };
            if (order != 0) return order;
        }
        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Digit strings as numbers of any length: drop leading zeros, then the longer is larger.</summary>
    private static int CompareDigits(string x, string y)
    {
        x = x.TrimStart('0');
        y = y.TrimStart('0');
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
    }

    /// <summary>The text in quotes, shortened; the web's reason patterns quote their placeholder themselves and take what is between the quotes, so a Chinese page quotes it with “”.</summary>
    private static string Quoted(string s) => $"\"{Shorten(s)}\"";

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
