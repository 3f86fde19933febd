using FleetOps.Core.Alerts;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Alerts;

/// <summary>
/// One page of alerts, newest first, from the database (resolved alerts live only there): the API's list and the alerts
/// page ask the same query. <see cref="Stores"/> is the caller's scope (null: every store) narrowed by a store filter.
/// </summary>
public sealed record AlertListQuery
{
    public const int MaxPageSize = 500;

    public AlertStateFilter State { get; init; } = AlertStateFilter.Active;
    public AlertKind? Kind { get; init; }
    public AlertSeverity? Severity { get; init; }
    public IReadOnlyCollection<string>? Stores { get; init; }
    public string? Terminal { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    public async Task<(IReadOnlyList<Alert> Items, int Total)> RunAsync(FleetDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = Filter(db.Alerts.AsNoTracking());
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(a => a.OpenedAtMs).ThenByDescending(a => a.Id)
            .Skip(new PageRequest(Page, PageSize).Skip).Take(PageSize).ToListAsync(cancellationToken);
        return (page.Select(r => r.ToAlert()).ToList(), total);
    }

    private IQueryable<AlertRow> Filter(IQueryable<AlertRow> rows)
    {
        var (open, acknowledged) = (AlertState.Open.ToWire(), AlertState.Acknowledged.ToWire());
        rows = State switch
        {
            // Named states rather than "not resolved": the (State, OpenedAtMs) index then serves the count and the order.
            AlertStateFilter.Active => rows.Where(a => a.State == open || a.State == acknowledged),
            AlertStateFilter.All => rows,
            _ => WithState(rows, State.ToWire()),
        };
        if (Kind is { } kind)
        {
            var wire = kind.ToWire();
            rows = rows.Where(a => a.Kind == wire);
        }
        if (Severity is { } severity)
        {
            var wire = severity.ToWire();
            rows = rows.Where(a => a.Severity == wire);
        }
        if (Stores is { } stores)
        {
            var codes = stores.ToList();
            rows = rows.Where(a => codes.Contains(a.StoreCode));
        }
        if (Terminal is { } terminal) rows = rows.Where(a => a.TerminalId == terminal);
        return rows;
    }

    private static IQueryable<AlertRow> WithState(IQueryable<AlertRow> rows, string state) => rows.Where(a => a.State == state);
}
