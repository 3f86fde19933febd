namespace FleetOps.Web.Reconciliation;

/// <summary>
/// Bounds what a long import leaves for the collector (issue 16: a million-line report in ≤ 100 MB of growth). The walk
/// keeps a few days of sales; each lives long enough to reach the old generation, so every day walked leaves megabytes of
/// garbage there, and the collector lets the old generation grow to about twice its size before it looks again. After
/// each day the walk calls <see cref="AfterDay"/>: once the heap has grown by the allowed bytes since the import began,
/// one background (non-blocking) full collection is started, and no other until it has run.
/// </summary>
internal sealed class ImportGarbage
{
    private readonly long _allowedBytes;
    private readonly Func<long> _heapBytes;
    private readonly Func<int> _fullCollections;
    private readonly Action _collect;
    private readonly long _startBytes;
    private int _collectionsSeen;
    private bool _requested;

    public ImportGarbage(long allowedBytes)
        : this(allowedBytes, () => GC.GetTotalMemory(forceFullCollection: false), () => GC.CollectionCount(GC.MaxGeneration),
            () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false))
    {
    }

    /// <summary>For tests: the heap's size, the count of full collections and the collection are the test's.</summary>
    internal ImportGarbage(long allowedBytes, Func<long> heapBytes, Func<int> fullCollections, Action collect)
    {
        (_allowedBytes, _heapBytes, _fullCollections, _collect) = (allowedBytes, heapBytes, fullCollections, collect);
        _startBytes = heapBytes();
        _collectionsSeen = fullCollections();
    }

    /// <summary>Full collections this import started.</summary>
    public int Requested { get; private set; }

    public void AfterDay()
    {
        var collections = _fullCollections();
        if (_requested && collections == _collectionsSeen) return; // the one asked for has not run yet
        (_requested, _collectionsSeen) = (false, collections);
        if (_heapBytes() - _startBytes < _allowedBytes) return;
        _collect();
        _requested = true;
        Requested++;
    }
}
