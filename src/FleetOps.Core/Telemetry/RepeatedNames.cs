namespace FleetOps.Core.Telemetry;

/// <summary>
/// The first name an object of the body gives twice. The parser's lookups take the last of them (System.Text.Json's
/// rule) while a proxy, a log reader or the terminal maker's own tests may take the first, so a repeated name is refused
/// instead of guessed at. Checked here rather than by the parser's <c>AllowDuplicateProperties</c>: that option makes
/// the whole parse fail (no per-event rejection) and throws <see cref="InvalidOperationException"/> for a name with an
/// unpaired surrogate, which the text rule reports as the event's own problem.
/// </summary>
internal static class RepeatedNames
{
    /// <summary>Up to this many names are compared pairwise (an event has about twelve); more go into a set, so a body of
    /// a hundred thousand names costs linear time, not quadratic.</summary>
    private const int PairwiseLimit = 16;

    /// <summary>The first name met a second time, or null; names that could not be read (null) are left to the text rule.</summary>
    public static string? First<T>(IReadOnlyList<T> items, Func<T, string?> nameOf)
    {
        if (items.Count <= PairwiseLimit)
        {
            for (var i = 1; i < items.Count; i++)
            {
                var name = nameOf(items[i]);
                if (name is null) continue;
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(name, nameOf(items[j]), StringComparison.Ordinal)) return name;
                }
            }
            return null;
        }
        var seen = new HashSet<string>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (nameOf(item) is { } name && !seen.Add(name)) return name;
        }
        return null;
    }

    /// <summary>What the sender is told: the name when it may be repeated back, else where it was.</summary>
    public static string Problem(string name, string where) =>
        Text.TextRules.Problem("field", name) is null && name.Length <= 64
            ? $"'{name}' is given twice in {where}; give each field once."
            : $"A field is given twice in {where}; give each field once.";
}
