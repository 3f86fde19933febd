using FleetOps.Core.Fleet;

namespace FleetOps.Web.Fleet;

/// <summary>
/// The rule "an acquirer terminal id is unique per acquirer among terminals in service" at each change that can break
/// it: a terminal registered, changed or moved, a store given another acquirer, a bulk import. Asked by
/// <see cref="FleetRegistry"/> under its gate, before anything is written, so a refused change stores nothing.
/// </summary>
public sealed class AcquirerTerminalIdRule(StoreDirectory stores, FleetState fleet)
{
    /// <summary>A terminal registered, changed or moved into a store of <paramref name="acquirer"/>.</summary>
    public AcquirerTerminalIdClash? Clash(string? acquirer, TerminalRegistration terminal) =>
        AcquirerTerminalIdHolders.Of(stores, fleet, [acquirer]).Claim(acquirer, terminal);

    /// <summary>
    /// The store <paramref name="storeCode"/> credited by <paramref name="acquirer"/> from now on: each of its terminals in
    /// service claims its id there, against the acquirer's other stores and against each other (a store without an
    /// acquirer may hold one id twice, since it forms no group).
    /// </summary>
    public AcquirerTerminalIdClash? StoreClash(string storeCode, string? acquirer)
    {
        var holders = AcquirerTerminalIdHolders.Of(stores, fleet, [acquirer]);
        return fleet.InStore(storeCode).Select(t => t.Registration).Where(t => !t.Decommissioned)
            .Select(t => holders.Claim(acquirer, t)).FirstOrDefault(c => c is not null);
    }

    /// <summary>New terminals, in file order, each under its store's acquirer (a new store's or a registered one's).</summary>
    public List<AcquirerTerminalIdClash> ImportClashes(IReadOnlyList<StoreInfo> newStores, IReadOnlyList<TerminalRegistration> newTerminals)
    {
        var created = newStores.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        string? AcquirerOf(string code) => created.TryGetValue(code, out var store) ? store.Acquirer : stores.Get(code)?.Acquirer;
        var holders = AcquirerTerminalIdHolders.Of(stores, fleet, newTerminals.Select(t => AcquirerOf(t.StoreCode)));
        return newTerminals.Select(t => holders.Claim(AcquirerOf(t.StoreCode), t)).OfType<AcquirerTerminalIdClash>().ToList();
    }
}
