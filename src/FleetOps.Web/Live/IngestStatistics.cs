namespace FleetOps.Web.Live;

/// <summary>
/// Committed events per minute and per store for the last hour, for the overview chart (a manager's chart
/// counts only their stores): this node's commits, counted by the event writer, and in a cluster the other nodes', as
/// the change follower applies them. Cheap enough to call once per commit. Counted in memory since this node started
/// (<see cref="Since"/>): heartbeats are stored rolled up by hour, so the minutes before cannot be read back, and they are
/// reported as unknown rather than as minutes without events.
/// </summary>
public sealed class IngestStatistics(TimeProvider time)
{
    public const int Minutes = 60;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long>[] _counts = Enumerable.Range(0, Minutes)
        .Select(_ => new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)).ToArray();
    private readonly long[] _minuteOf = new long[Minutes];
    private long _total;

    public long TotalCommitted => Interlocked.Read(ref _total);

    /// <summary>When counting began (this node's start); <see cref="PerMinute"/> knows nothing of the minutes before.</summary>
    public DateTimeOffset Since { get; } = time.GetUtcNow();

    public void RecordCommitted(IReadOnlyDictionary<string, int> eventsPerStore, DateTimeOffset now)
    {
        if (eventsPerStore.Count == 0) return;
        var minute = now.ToUnixTimeSeconds() / 60;
        var slot = (int)(minute % Minutes);
        long added = 0;
        lock (_gate)
        {
            if (_minuteOf[slot] != minute)
            {
                _minuteOf[slot] = minute;
                _counts[slot].Clear();
            }
            foreach (var (store, events) in eventsPerStore)
            {
                _counts[slot][store] = _counts[slot].GetValueOrDefault(store) + events;
                added += events;
            }
        }
        Interlocked.Add(ref _total, added);
    }

    /// <summary>
    /// Counts for the last <paramref name="minutes"/> minutes (current included), oldest first; only <paramref name="stores"/>
    /// when given; null for the minutes that began before <see cref="Since"/> (the one it began in was counted only in part
    /// and would read as a rise), except the current minute, which is "so far" anyway.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset Minute, long? Events)> PerMinute(DateTimeOffset now, int minutes = 30, IReadOnlySet<string>? stores = null)
    {
        var current = now.ToUnixTimeSeconds() / 60;
        var first = (Since.ToUnixTimeMilliseconds() + 59_999) / 60_000; // the first minute counted whole
        var result = new List<(DateTimeOffset, long?)>(minutes);
        lock (_gate)
        {
            for (var m = current - minutes + 1; m <= current; m++)
            {
                var slot = (int)(m % Minutes);
                long count = 0;
                if (_minuteOf[slot] == m)
                {
                    foreach (var (store, events) in _counts[slot])
                    {
                        if (stores is null || stores.Contains(store)) count += events;
                    }
                }
                result.Add((DateTimeOffset.FromUnixTimeSeconds(m * 60), m < first && m != current ? null : count));
            }
        }
        return result;
    }
}
