namespace FleetOps.Web.Live;

/// <summary>Committed events per minute for the last hour, for the overview chart. Cheap enough to call per commit.</summary>
public sealed class IngestStatistics
{
    public const int Minutes = 60;
    private readonly Lock _gate = new();
    private readonly long[] _counts = new long[Minutes];
    private readonly long[] _minuteOf = new long[Minutes];
    private long _total;

    public long TotalCommitted => Interlocked.Read(ref _total);

    public void RecordCommitted(int events, DateTimeOffset now)
    {
        if (events == 0) return;
        var minute = now.ToUnixTimeSeconds() / 60;
        var slot = (int)(minute % Minutes);
        lock (_gate)
        {
            if (_minuteOf[slot] != minute)
            {
                _minuteOf[slot] = minute;
                _counts[slot] = 0;
            }
            _counts[slot] += events;
        }
        Interlocked.Add(ref _total, events);
    }

    /// <summary>Counts for the last <paramref name="minutes"/> whole and current minutes, oldest first.</summary>
    public IReadOnlyList<(DateTimeOffset Minute, long Events)> PerMinute(DateTimeOffset now, int minutes = 30)
    {
        var current = now.ToUnixTimeSeconds() / 60;
        var result = new List<(DateTimeOffset, long)>(minutes);
        lock (_gate)
        {
            for (var m = current - minutes + 1; m <= current; m++)
            {
                var slot = (int)(m % Minutes);
                result.Add((DateTimeOffset.FromUnixTimeSeconds(m * 60), _minuteOf[slot] == m ? _counts[slot] : 0));
            }
        }
        return result;
    }
}
