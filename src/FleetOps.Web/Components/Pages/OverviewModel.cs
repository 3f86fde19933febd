using FleetOps.Core.Access;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Cases;
using FleetOps.Web.Components.Transactions;
using FleetOps.Web.Live;

namespace FleetOps.Web.Components.Pages;

/// <summary>The overview's numbers, computed from the in-memory fleet; a plain class so it is testable without Blazor.</summary>
public sealed class OverviewModel
{
    public int Terminals { get; private init; }
    public int Online { get; private init; }
    public int Offline { get; private init; }
    public int Unknown { get; private init; }
    public int UnstablePower { get; private init; }
    public int OutdatedSoftware { get; private init; }
    public IReadOnlyList<StoreHealth> StoresWithProblems { get; private init; } = [];
    public IReadOnlyList<StoreHealth> Stores { get; private init; } = [];
    public IReadOnlyList<(DateTimeOffset Minute, long? Events)> EventsPerMinute { get; private init; } = [];

    /// <summary>Unsettled card payments in the scope, per currency (empty without a book).</summary>
    public RiskTotals MoneyAtRisk { get; private init; } = RiskTotals.None;

    /// <summary>Money at risk per region, for people whose scope spans several regions (empty otherwise or without a book).</summary>
    public IReadOnlyList<RegionRisk> RiskByRegion { get; private init; } = [];

    /// <summary>Money at risk at the end of each of the last 30 days in the scope (none without the history).</summary>
    public RiskTrend RiskTrend { get; private init; } = RiskTrend.None;

    /// <summary>Where the trend's days end (see <see cref="StoreTime.Common"/>).</summary>
    public TimeZoneInfo RiskTrendZone { get; private init; } = TimeZoneInfo.Utc;

    public static OverviewModel Build(FleetState fleet, StoreDirectory stores, IngestStatistics statistics, DateTimeOffset now, AccessScope? scope = null,
        TransactionBook? book = null, MoneyAtRiskHistory? history = null, CaseBook? cases = null)
    {
        scope ??= AccessScope.All;
        int online = 0, offline = 0, unknown = 0, unstable = 0, outdated = 0, total = 0;
        foreach (var t in scope.Terminals(fleet, stores))
        {
            if (t.Registration.Decommissioned) continue;
            total++;
            switch (t.Assessment.Connectivity)
            {
                case Connectivity.Online: online++; break;
                case Connectivity.Offline: offline++; break;
                default: unknown++; break;
            }
            if (t.Assessment.Power == PowerStatus.Unstable) unstable++;
            if (t.Assessment.Software is SoftwareStatus.Outdated or SoftwareStatus.Unsupported) outdated++;
        }
        var health = StoreHealth.ForAll(stores, fleet).Where(h => scope.AllowsStore(h.Store)).ToList();
        var allowed = scope.StoreCodes(stores);
        var zone = StoreTime.Common(stores, allowed);
        // One read of the book's running totals serves the KPI and the regions.
        var tallies = book is null ? null : RiskTallies.From(book, allowed, cases);
        return new OverviewModel
        {
            Terminals = total,
            Online = online,
            Offline = offline,
            Unknown = unknown,
            UnstablePower = unstable,
            OutdatedSoftware = outdated,
            Stores = health,
            StoresWithProblems = health.Where(h => h.Problems > 0 || h.StorePowerUnstable)
                .OrderByDescending(h => h.Offline).ThenByDescending(h => h.Problems).ThenBy(h => h.Store.Code).ToList(),
            EventsPerMinute = statistics.PerMinute(now, 30, scope.StoreCodes(stores)),
            MoneyAtRisk = tallies?.Totals.ToTotals() ?? RiskTotals.None,
            RiskByRegion = tallies is null ? [] : RegionsAtRisk(tallies, stores, health),
            RiskTrend = history?.Trend(allowed, zone) ?? RiskTrend.None,
            RiskTrendZone = zone,
        };
    }

    /// <summary>Every region of the scope, those with money at risk first (biggest first), when there are several.</summary>
    private static IReadOnlyList<RegionRisk> RegionsAtRisk(RiskTallies tallies, StoreDirectory stores, IReadOnlyList<StoreHealth> health)
    {
        var regions = health.Select(h => h.Store.Region).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (regions.Count < 2) return [];
        var atRisk = tallies.Regions(stores);
        var clean = regions.Where(r => !atRisk.Any(a => string.Equals(a.Region, r, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.OrdinalIgnoreCase)
            .Select(r => new RegionRisk(r, 0, RiskTotals.None));
        return atRisk.Concat(clean).ToList();
    }
}
