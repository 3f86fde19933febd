namespace FleetOps.Core.Rollouts;

/// <summary>
/// Chooses each wave's terminals once, when the rollout is created; they are saved with it, so a restart, another node or
/// a terminal registered later never changes who is in which wave. A percentage takes the terminals not in an earlier wave
/// in the order of a hash of the rollout's model, version and terminal id: a spread over stores that is the same every
/// time for the same rollout, not a new random draw.
/// </summary>
public static class RolloutPlanner
{
    /// <param name="terminals">The model's terminals in service, with their stores.</param>
    /// <returns>The terminals of each wave, or the reason the waves cannot be made.</returns>
    public static (IReadOnlyList<IReadOnlyList<string>>? Waves, string? Problem) Plan(
        string model, string appVersion, IReadOnlyCollection<(string TerminalId, string StoreCode)> terminals, IReadOnlyList<WaveSpec> waves)
    {
        var left = terminals
            .OrderBy(t => StableHash($"{model}\n{appVersion}\n{t.TerminalId}"))
            .ThenBy(t => t.TerminalId, StringComparer.Ordinal)
            .ToList();
        var planned = new List<IReadOnlyList<string>>(waves.Count);
        for (var i = 0; i < waves.Count; i++)
        {
            var spec = waves[i];
            List<(string TerminalId, string StoreCode)> chosen;
            if (spec.Stores is { } stores)
            {
                var named = new HashSet<string>(stores, StringComparer.OrdinalIgnoreCase);
                chosen = left.Where(t => named.Contains(t.StoreCode)).ToList();
            }
            else
            {
                var count = (int)Math.Ceiling(left.Count * (spec.Percent ?? 0) / 100.0);
                chosen = left.Take(count).ToList();
            }
            if (chosen.Count == 0)
            {
                return (null, $"Wave {i + 1} would hold no terminal of model '{model}' that is not in an earlier wave.");
            }
            var taken = chosen.Select(t => t.TerminalId).ToHashSet(StringComparer.Ordinal);
            left.RemoveAll(t => taken.Contains(t.TerminalId));
            planned.Add(chosen.Select(t => t.TerminalId).Order(StringComparer.Ordinal).ToList());
        }
        return (planned, null);
    }

    /// <summary>FNV-1a over UTF-16 code units: fixed across processes and versions, unlike string.GetHashCode.</summary>
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
