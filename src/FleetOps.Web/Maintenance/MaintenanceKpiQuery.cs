using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// The maintenance KPIs a person may see (the API's <c>/api/v1/maintenance/kpis</c> and the KPI page alike): the work
/// <see cref="MaintenanceActor.CanSee"/> lets them see — technicians their own, managers their stores' — narrowed to one
/// region, counted on the days of the zone the shown stores share (<see cref="StoreTime.Common"/>). Without a start the
/// period is the last <see cref="Days"/> days of that zone, today included; without an end it runs until now.
/// </summary>
public sealed record MaintenanceKpiQuery
{
    public const int DefaultDays = 30;

    /// <summary>The longest period asked for: a year of weeks still draws.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    public string? Region { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Days { get; init; } = DefaultDays;

    public async Task<KpiReport> RunAsync(MaintenanceBook book, MaintenanceService service, MaintenanceActor actor, StoreDirectory stores,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var shown = stores.All.Where(s => actor.Scope.AllowsStore(s.Code, stores) && (Region is null || s.Region.Equals(Region, StringComparison.OrdinalIgnoreCase)))
            .Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var zone = StoreTime.Common(stores, shown);
        var to = To ?? now;
        var from = From ?? MoneyAtRiskTrend.StartOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1 - Days), zone);
        // Exactly the work the work orders list shows the person, by the list's own query: the page's counts link to the list.
        var orders = new WorkOrderQuery { Region = Region }.Run(book.All, actor, stores, now);
        var openings = await service.AlertOpeningsAsync(orders.Where(o => o.State == WorkOrderState.Done).Select(o => o.AlertId).OfType<long>(), cancellationToken);
        return MaintenanceKpis.Compute(orders, from, to, now, zone, stores, openings);
    }
}
