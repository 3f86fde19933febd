namespace FleetOps.Web.Reconciliation;

/// <summary>
/// Bounds what a long import leaves for the collector (issue 16: a million-line report in ≤ 100 MB of growth). The walk
/// keeps a few days of sales; each lives long enough to reach the old generation, so every day walked leaves megabytes of
/// garbage there, and the collector lets the old generation grow to about twice its size before it looks again. After
/// each day the walk calls <see cref="AfterDay"/>: while the heap is the allowed bytes or more above where it was when the
/// import began, a background (non-blocking) full collection is asked for — in practice after most days once the window
/// is full; the runtime ignores the request while one is still running.
/// Measured against "growth since the last full collection ended" (base = the heap that collection left): that asked far
/// less often and the import's peak grew from +161–181 to +227–239 MB, for 57.8–61.4 s instead of 60.8–76.7 s
/// (docs/benchmarks.md). When the walk is done, <see cref="AfterWalk"/> has everything it kept collected at once.
/// </summary>
internal sealed class ImportGarbage
{
    private readonly long _allowedBytes;
    private readonly Func<long> _heapBytes;
    private readonly Action _collect;
    private readonly Action _collectAll;
    private readonly Func<long> _committedBytes;
    private long _startBytes;
    private long _startCommittedBytes;

    public ImportGarbage(long allowedBytes)
        : this(allowedBytes, () => GC.GetTotalMemory(forceFullCollection: false), () => GC.GetGCMemoryInfo().TotalCommittedBytes,
            () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false),
            () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true))
    {
    }

    /// <summary>For tests: the heap's sizes and the collections are the test's.</summary>
    internal ImportGarbage(long allowedBytes, Func<long> heapBytes, Func<long> committedBytes, Action collect, Action collectAll)
    {
        (_allowedBytes, _heapBytes, _committedBytes, _collect, _collectAll) = (allowedBytes, heapBytes, committedBytes, collect, collectAll);
        _startBytes = heapBytes();
        _startCommittedBytes = committedBytes();
    }

    /// <summary>Full collections this import asked for.</summary>
    public int Requested { get; private set; }

    /// <summary>
    /// The walk is about to begin: one blocking, compacting collection first, so that its sales and garbage grow from a
    /// compacted heap and not on top of what came before it — a server the heap trimmer had not yet found quiet (its
    /// start-up's garbage) peaked at ~460 MB of RSS in a million-line import, against ~410 MB from a trimmed one
    /// (docs/benchmarks.md). One pause of the server per import, like <see cref="AfterWalk"/>'s; the growth the walk is
    /// allowed is counted from what it leaves.
    /// </summary>
    public void BeforeWalk()
    {
        _collectAll();
        Requested++;
        _startBytes = _heapBytes();
        _startCommittedBytes = _committedBytes();
    }

    public void AfterDay()
    {
        if (_heapBytes() - _startBytes < _allowedBytes) return;
        _collect();
        Requested++;
    }

    /// <summary>
    /// The walk is over: the window of sales, the last day's lines and its named sales are garbage now, and the copy into
    /// the tables that follows (SQLite, 17–24 s for a million lines) allocates next to nothing, so no collection would
    /// come before the heap trimmer's, seconds after the import. One blocking, compacting collection that hands the
    /// memory back (as the trimmer's) keeps the walk's heap from lasting through the copy. It pauses the server for about
    /// as long as the trimmer's does, once per import, and only when the collector holds at least the allowance more
    /// memory than when the import began (committed memory, what the operating system sees: the heap's own count could
    /// stay under the allowance while the collector kept the space it had freed).
    /// </summary>
    public void AfterWalk()
    {
        if (_committedBytes() - _startCommittedBytes < _allowedBytes) return;
        _collectAll();
        Requested++;
    }
}
