namespace FleetOps.Web.Reconciliation;

/// <summary>
/// Bounds what a long import leaves for the collector (issue 16: a million-line report in ≤ 100 MB of growth). The walk
/// keeps a few days of sales; each lives long enough to reach the old generation, so every day walked leaves megabytes of
/// garbage there, and the collector lets the old generation grow to about twice its size before it looks again. After
/// each day the walk calls <see cref="AfterDay"/>: once the heap has grown by the allowed bytes since the last full
/// collection ended (or since the import began), one background (non-blocking) full collection is started, and no other
/// until a full collection has ended. A collection's end is told by <see cref="GCMemoryInfo.Index"/> of the last full
/// one: <see cref="GC.CollectionCount"/> already counts a background collection when it starts.
/// </summary>
internal sealed class ImportGarbage
{
    private readonly long _allowedBytes;
    private readonly Func<long> _heapBytes;
    private readonly Func<(long Index, long HeapBytes)> _lastFull;
    private readonly Action _collect;
    private long _baseBytes;
    private long _lastFullIndex;
    private bool _requested;

    public ImportGarbage(long allowedBytes)
        : this(allowedBytes, () => GC.GetTotalMemory(forceFullCollection: false), LastFullCollection,
            () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false))
    {
    }

    /// <summary>For tests: the heap's size, the last full collection (its index and the heap it left) and the collection are the test's.</summary>
    internal ImportGarbage(long allowedBytes, Func<long> heapBytes, Func<(long Index, long HeapBytes)> lastFull, Action collect)
    {
        (_allowedBytes, _heapBytes, _lastFull, _collect) = (allowedBytes, heapBytes, lastFull, collect);
        _baseBytes = heapBytes();
        _lastFullIndex = lastFull().Index;
    }

    /// <summary>Full collections this import started.</summary>
    public int Requested { get; private set; }

    public void AfterDay()
    {
        var last = _lastFull();
        if (last.Index != _lastFullIndex)
        {
            // A full collection ended (ours or the runtime's): what it left is live, growth counts from there.
            (_lastFullIndex, _baseBytes, _requested) = (last.Index, last.HeapBytes, false);
        }
        if (_requested || _heapBytes() - _baseBytes < _allowedBytes) return;
        _collect();
        _requested = true;
        Requested++;
    }

    private static (long Index, long HeapBytes) LastFullCollection()
    {
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var blocking = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var last = background.Index >= blocking.Index ? background : blocking;
        return (last.Index, last.HeapSizeBytes);
    }
}
