using System.Globalization;

namespace FleetOps.LiveBench;

/// <summary>Nearest-rank percentiles of a set of measurements in milliseconds.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Describe(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"n={sorted.Count} p50_ms={Of(sorted, 50):F0} p90_ms={Of(sorted, 90):F0} p99_ms={Of(sorted, 99):F0} max_ms={(sorted.Count > 0 ? sorted[^1] : double.NaN):F0}");
    }
}
