using System.Collections.Concurrent;
using FleetOps.Core.Live;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetOps.Core.Fleet;

/// <summary>The chain's stores, in memory: a few hundred rows that every page needs.</summary>
public sealed class StoreDirectory(TimeProvider? time = null, ILogger<StoreDirectory>? logger = null) : IChangeSource<StoreInfo>
{
    private readonly ConcurrentDictionary<string, StoreInfo> _stores = new(StringComparer.OrdinalIgnoreCase);
    private readonly ChangeFeed<StoreInfo> _changes = new("store directory", time ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance);

    public IDisposable Subscribe(Func<StoreInfo, bool>? relevant, Func<ChangeBatch<StoreInfo>, Task> callback, TimeSpan? minInterval = null) =>
        _changes.Subscribe(relevant, callback, minInterval);

    public StoreInfo? Get(string code) => _stores.GetValueOrDefault(code);

    public IReadOnlyList<StoreInfo> All => _stores.Values.OrderBy(s => s.Code, StringComparer.OrdinalIgnoreCase).ToList();

    public void Load(IEnumerable<StoreInfo> stores)
    {
        _stores.Clear();
        foreach (var store in stores) _stores[store.Code] = store;
        _changes.Publish([.. _stores.Values]);
    }

    public void Put(StoreInfo store)
    {
        _stores[store.Code] = store;
        _changes.Publish(store);
    }

    /// <summary>Adds stores of a bulk import, announced as one change.</summary>
    public void PutMany(IReadOnlyList<StoreInfo> stores)
    {
        foreach (var store in stores) _stores[store.Code] = store;
        _changes.Publish(stores);
    }
}
