using FleetOps.Core.Detection;

namespace FleetOps.Core.Fleet;

/// <summary>
/// Per-store counts for the stores list and the overview. <see cref="StorePowerUnstable"/>: the store's supply is the
/// likely cause of its terminals' power losses over the power window (<see cref="LikelyCause.Store"/>) — not that the
/// store is without power now.
/// </summary>
public sealed record StoreHealth(
    StoreInfo Store,
    int Terminals,
    int Online,
    int Offline,
    int Unknown,
    int UnstablePower,
    int Outdated,
    bool StorePowerUnstable)
{
    public int Problems => Offline + UnstablePower + Outdated;

    /// <summary>Share of the store's heard-from terminals that are online, 0–1; 1 when none reported yet.</summary>
    public double Availability => Online + Offline == 0 ? 1 : (double)Online / (Online + Offline);

    public static StoreHealth Of(StoreInfo store, IReadOnlyCollection<TerminalSnapshot> terminals)
    {
        int online = 0, offline = 0, unknown = 0, unstable = 0, outdated = 0;
        var storeWide = false;
        foreach (var t in terminals)
        {
            if (t.Registration.Decommissioned) continue;
            var a = t.Assessment;
            switch (a.Connectivity)
            {
                case Connectivity.Online: online++; break;
                case Connectivity.Offline: offline++; break;
                default: unknown++; break;
            }
            if (a.Power == PowerStatus.Unstable) unstable++;
            if (a.Software is SoftwareStatus.Outdated or SoftwareStatus.Unsupported) outdated++;
            storeWide |= a.LikelyCause == LikelyCause.Store;
        }
        return new StoreHealth(store, online + offline + unknown, online, offline, unknown, unstable, outdated, storeWide);
    }

    public static IReadOnlyList<StoreHealth> ForAll(StoreDirectory stores, FleetState fleet) =>
        stores.All.Select(s => Of(s, fleet.InStore(s.Code))).ToList();
}
