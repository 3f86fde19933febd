namespace FleetOps.Web.Background;

/// <summary>
/// When the <see cref="HeapTrimmer"/> runs its one collection: after a burst of work (a load, an import) has grown the
/// memory the collector holds well past what it held after the last such collection, and only once the server has gone
/// quiet again.
/// <para>
/// Why it is needed: replaced terminal snapshots outlive the young generations (a terminal beats once a minute), so under
/// load the old generation fills with them and the collector keeps that memory committed. Once the load stops nothing
/// allocates, so nothing ever collects it: 100,000 terminals stayed at their peak of 561 MB long after a load
/// (docs/benchmarks.md, issue 9). Why "quiet": the collection blocks the process (a compacting one is what hands memory
/// back), and quiet means nobody is being served — every request and page render allocates.
/// Why measured against the last collection's result: growth that is real (more terminals) survives the collection, becomes
/// the new baseline and triggers nothing more, so an idle server is never collected twice for the same memory.
/// </para>
/// </summary>
public sealed class HeapTrimPolicy
{
    /// <summary>Below this, on average over <see cref="QuietSpell"/>, the server is idle: measured idle allocation with 100,000
    /// terminals is ~1.5 MB/s (clocks, sweeps, the alert centre), none of it kept.</summary>
    public const long QuietBytesPerSecond = 3L * 1024 * 1024;

    /// <summary>Growth of the collector's committed memory that makes a collection worth its pause.</summary>
    public const long WorthwhileGrowthBytes = 64L * 1024 * 1024;

    /// <summary>How long the average rate must stay quiet: a pause between two bursts of a load is not the end of it.</summary>
    public static readonly TimeSpan QuietSpell = TimeSpan.FromSeconds(10);

    /// <summary>Never more often than this, whatever the traffic looks like.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMinutes(1);

    // Readings newer than the spell's start, and the newest one at or before it (the base the spell's average is measured
    // from): quiet is judged on the spell's average, because the idle server's own work comes in bursts (the alert centre's
    // evaluation allocates ~7 MB every 5 s at 100,000 terminals).
    private readonly Queue<(DateTimeOffset At, long Allocated)> _readings = new();
    private (DateTimeOffset At, long Allocated)? _spellBase;
    private long _committedBaseline;
    private DateTimeOffset? _collectedAt;

    /// <param name="allocated">bytes the process has allocated so far</param>
    /// <param name="committed">bytes the collector holds now: the baseline growth is measured from</param>
    public HeapTrimPolicy(long allocated, long committed, DateTimeOffset now)
    {
        _readings.Enqueue((now, allocated));
        _committedBaseline = committed;
    }

    /// <summary>Takes one reading of the allocation counter and the committed memory; true when a collection should run now.</summary>
    public bool Observe(long allocated, long committed, DateTimeOffset now)
    {
        _readings.Enqueue((now, allocated));
        var spellStart = now - QuietSpell;
        // Never empties the queue: the reading just taken is newer than the spell's start.
        while (_readings.Peek().At <= spellStart) _spellBase = _readings.Dequeue();
        // Memory given back by the collector itself lowers the bar for the next time.
        _committedBaseline = Math.Min(_committedBaseline, committed);
        if (_spellBase is not { } spellBase) return false; // not watched for a whole spell yet
        var rate = (allocated - spellBase.Allocated) / (now - spellBase.At).TotalSeconds;
        return rate < QuietBytesPerSecond
            && committed - _committedBaseline >= WorthwhileGrowthBytes
            && (_collectedAt is not { } last || now - last >= MinimumGap);
    }

    /// <summary>The collection ran; what the collector holds after it is the new baseline.</summary>
    public void Collected(long allocated, long committed, DateTimeOffset now)
    {
        _readings.Clear();
        _readings.Enqueue((now, allocated));
        _spellBase = null;
        _committedBaseline = committed;
        _collectedAt = now;
    }
}
