using FleetOps.Core.Fleet;

namespace FleetOps.Core.Access;

/// <summary>
/// Which stores a person may see. Administrators see everything; everyone else sees the stores of their
/// regions plus the stores assigned to them. Everything a page, export, API or hub shows goes through this,
/// on the server.
/// </summary>
public sealed record AccessScope(bool Everything, IReadOnlySet<string> Regions, IReadOnlySet<string> Stores)
{
    public static readonly AccessScope All = new(true, new HashSet<string>(), new HashSet<string>());
    public static readonly AccessScope Nothing = new(false, new HashSet<string>(), new HashSet<string>());

    public static AccessScope Of(IEnumerable<string> regions, IEnumerable<string> stores) => new(false,
        new HashSet<string>(regions, StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(stores, StringComparer.OrdinalIgnoreCase));

    public bool AllowsStore(StoreInfo? store) =>
        store is not null && (Everything || Stores.Contains(store.Code) || Regions.Contains(store.Region));

    public bool AllowsStore(string storeCode, StoreDirectory stores) => Everything || AllowsStore(stores.Get(storeCode));

    public bool AllowsTerminal(TerminalSnapshot? terminal, StoreDirectory stores) =>
        terminal is not null && AllowsStore(terminal.StoreCode, stores);

    /// <summary>The codes of the stores this scope covers, or null for "every store".</summary>
    public IReadOnlySet<string>? StoreCodes(StoreDirectory stores) => Everything
        ? null
        : stores.All.Where(AllowsStore).Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The terminals this scope covers.</summary>
    public IEnumerable<TerminalSnapshot> Terminals(FleetState fleet, StoreDirectory stores)
    {
        if (Everything) return fleet.All;
        return StoreCodes(stores)!.SelectMany(fleet.InStore);
    }
}
