using System.Numerics;

namespace FleetOps.Simulator;

/// <summary>
/// Log-linear histogram of microseconds (64 sub-buckets per power of two, under 1.6 % error), so
/// memory stays fixed however many requests a load test makes. Not thread-safe: one per worker, then merge.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int LinearLimit = 128;
    private const int SubBuckets = 64;
    private const int BucketCount = LinearLimit + 57 * SubBuckets;

    private readonly long[] _counts = new long[BucketCount];

    public long Count { get; private set; }

    public long MaxMicroseconds { get; private set; }

    public void Record(TimeSpan elapsed)
    {
        var micros = Math.Max(0, elapsed.Ticks / (TimeSpan.TicksPerMillisecond / 1000));
        _counts[Index(micros)]++;
        Count++;
        if (micros > MaxMicroseconds)
            MaxMicroseconds = micros;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < BucketCount; i++)
            _counts[i] += other._counts[i];
        Count += other.Count;
        MaxMicroseconds = Math.Max(MaxMicroseconds, other.MaxMicroseconds);
    }

    /// <param name="percentile">0-100.</param>
    public double PercentileMilliseconds(double percentile)
    {
        if (Count == 0)
            return 0;
        var rank = Math.Clamp((long)Math.Ceiling(percentile / 100 * Count), 1, Count);
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
                return Math.Min(Midpoint(i), MaxMicroseconds) / 1000.0;
        }
        return MaxMicroseconds / 1000.0;
    }

    public double MaxMilliseconds => MaxMicroseconds / 1000.0;

    private static int Index(long value)
    {
        if (value < LinearLimit)
            return (int)value;
        var shift = 64 - BitOperations.LeadingZeroCount((ulong)value) - 7; // keep the top 7 bits
        var top = value >> shift; // 64..127
        return LinearLimit + (shift - 1) * SubBuckets + (int)(top - SubBuckets);
    }

    private static double Midpoint(int index)
    {
        if (index < LinearLimit)
            return index;
        var shift = (index - LinearLimit) / SubBuckets + 1;
        var top = (index - LinearLimit) % SubBuckets + SubBuckets;
        var lower = (double)((long)top << shift);
        return lower + ((1L << shift) - 1) / 2.0;
    }
}
