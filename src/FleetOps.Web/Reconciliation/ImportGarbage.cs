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
/// (docs/benchmarks.md).
/// </summary>
internal sealed class ImportGarbage
{
    private readonly long _allowedBytes;
    private readonly Func<long> _heapBytes;
    private readonly Action _collect;
    private readonly long _startBytes;

    public ImportGarbage(long allowedBytes)
        : this(allowedBytes, () => GC.GetTotalMemory(forceFullCollection: false), () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false))
    {
    }

    /// <summary>For tests: the heap's size and the collection are the test's.</summary>
    internal ImportGarbage(long allowedBytes, Func<long> heapBytes, Action collect)
    {
        (_allowedBytes, _heapBytes, _collect) = (allowedBytes, heapBytes, collect);
        _startBytes = heapBytes();
    }

    /// <summary>Full collections this import asked for.</summary>
    public int Requested { get; private set; }

    public void AfterDay()
    {
        if (_heapBytes() - _startBytes < _allowedBytes) return;
        _collect();
        Requested++;
    }
}
