using System.Collections.Concurrent;

namespace FleetOps.Core.Fleet;

public sealed record StoreInfo(string Code, string Name, string Region, string TimeZone);

/// <summary>The chain's stores, in memory: a few hundred rows that every page needs.</summary>
public sealed class StoreDirectory
{
    private readonly ConcurrentDictionary<string, StoreInfo> _stores = new(StringComparer.OrdinalIgnoreCase);

    public event Action? Changed;

    public StoreInfo? Get(string code) => _stores.GetValueOrDefault(code);

    public IReadOnlyList<StoreInfo> All => _stores.Values.OrderBy(s => s.Code, StringComparer.OrdinalIgnoreCase).ToList();

    public void Load(IEnumerable<StoreInfo> stores)
    {
        _stores.Clear();
        foreach (var store in stores) _stores[store.Code] = store;
        Changed?.Invoke();
    }

    public void Put(StoreInfo store)
    {
        _stores[store.Code] = store;
        Changed?.Invoke();
    }
}
