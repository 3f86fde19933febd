namespace FleetOps.Core.Transactions;

/// <summary>
/// Sale counts per store and local day (the store's own calendar). Adding and removing are O(1), so a history can keep
/// the closed sales' days as totals and take single sales in and out as they change, and a page reads days and stores,
/// never sales.
/// </summary>
public sealed class SaleDayTally
{
    private readonly Dictionary<(string Store, DateOnly Day), SaleCounts> _days = new(KeyComparer.Instance);

    public int Count => _days.Count;

    public IEnumerable<KeyValuePair<(string Store, DateOnly Day), SaleCounts>> Days => _days;

    public SaleCounts Get(string store, DateOnly day) => _days.GetValueOrDefault((store, day));

    public void Add(SaleDay sale) => Add(sale.StoreCode, sale.Day, sale.Counts);

    public void Remove(SaleDay sale) => Add(sale.StoreCode, sale.Day, default(SaleCounts) - sale.Counts);

    public void Add(string store, DateOnly day, SaleCounts counts)
    {
        if (counts == default) return;
        var sum = _days.GetValueOrDefault((store, day)) + counts;
        if (sum == default) _days.Remove((store, day));
        else _days[(store, day)] = sum;
    }

    public void AddAll(SaleDayTally other)
    {
        foreach (var ((store, day), counts) in other._days) Add(store, day, counts);
    }

    /// <summary>Store codes compare as everywhere else in FleetOps: without regard to case.</summary>
    private sealed class KeyComparer : IEqualityComparer<(string Store, DateOnly Day)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Store, DateOnly Day) x, (string Store, DateOnly Day) y) =>
            x.Day == y.Day && StringComparer.OrdinalIgnoreCase.Equals(x.Store, y.Store);

        public int GetHashCode((string Store, DateOnly Day) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Store), key.Day);
    }
}
