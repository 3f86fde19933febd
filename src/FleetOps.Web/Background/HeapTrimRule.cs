namespace FleetOps.Web.Background;

/// <summary>
/// When the GC's committed but unused memory is worth handing back to the operating system (<see cref="HeapTrimmer"/>).
/// Under heartbeat load every snapshot a heartbeat replaces dies in gen2; the background GC sweeps that space but never
/// compacts or returns it, so after a busy spell the heap stays at its peak. A compacting collection returns it, but it
/// stops the server for as long as it takes to move the live fleet: once the traffic has quietened that costs nobody
/// anything, under steady traffic it is allowed only every <see cref="BusyInterval"/>.
/// </summary>
public static class HeapTrimRule
{
    /// <summary>How often the trimmer looks; also the span over which "quiet" is judged.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>Allocation within one <see cref="CheckInterval"/> below which the server counts as quiet (~1.6 MB/s: 100,000
    /// terminals beating once a minute allocate several times that).</summary>
    public const long QuietAllocatedBytes = 8L * 1024 * 1024;

    /// <summary>Slack smaller than this is left alone: returning it would not be worth a pause.</summary>
    public const long MinimumSlackBytes = 32L * 1024 * 1024;

    /// <summary>The shortest time between two trims while the server is busy.</summary>
    public static readonly TimeSpan BusyInterval = TimeSpan.FromMinutes(5);

    /// <summary>The shortest time between two trims while it is quiet (the GC's figures are those of the last collection,
    /// so they would otherwise ask for the same trim again before anything changed).</summary>
    public static readonly TimeSpan QuietInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// True when the GC holds at least <see cref="MinimumSlackBytes"/> and half the live heap more than it uses, and the
    /// server was quiet for the last check (and the last trim is <see cref="QuietInterval"/> ago) or the last trim is
    /// <see cref="BusyInterval"/> ago.
    /// </summary>
    public static bool ShouldTrim(long committedBytes, long liveBytes, long allocatedSinceLastCheck, TimeSpan sinceLastTrim)
    {
        var slack = committedBytes - liveBytes;
        if (slack < MinimumSlackBytes || slack < liveBytes / 2) return false;
        return allocatedSinceLastCheck < QuietAllocatedBytes ? sinceLastTrim >= QuietInterval : sinceLastTrim >= BusyInterval;
    }
}
