using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Transactions;

namespace FleetOps.Web.Components.RoleHomes;

/// <summary>
/// A store's trouble for a region manager's ranking: its terminal counts and its unsettled payments. Ranked worst first:
/// a store-wide power outage, then payments at risk, offline, unstable power, outdated software; then by name.
/// </summary>
public sealed record StoreTrouble(StoreHealth Health, RiskTotals Risk)
{
    public bool AllGood => Risk.Count == 0 && Health.Problems == 0 && !Health.StorePowerUnstable;

    public static IReadOnlyList<StoreTrouble> Rank(IEnumerable<StoreHealth> stores, RiskTallies tallies) => stores
        .Select(h => new StoreTrouble(h, tallies.PerStore.TryGetValue(h.Store.Code, out var tally) ? tally.ToTotals() : RiskTotals.None))
        .OrderByDescending(s => s.Health.StorePowerUnstable)
        .ThenByDescending(s => s.Risk.Count)
        .ThenByDescending(s => s.Health.Offline)
        .ThenByDescending(s => s.Health.UnstablePower)
        .ThenByDescending(s => s.Health.Outdated)
        .ThenBy(s => s.Health.Store.Name, StringComparer.CurrentCulture)
        .ToList();
}
