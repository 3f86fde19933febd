using FleetOps.Core.Alerts;
using FleetOps.Web.Alerts;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// <c>maintenance_overdue</c> (docs/api.md §5, §8): one warning per subject — the work order's terminal, else its store —
/// while some work of it is open past its due time, since the earliest such due time. Completing or cancelling the work,
/// or booking it into the future (which moves its due time), resolves the alert.
/// </summary>
public sealed class MaintenanceAlertSource(MaintenanceBook book) : IAlertSource
{
    public IReadOnlySet<AlertKind> Kinds { get; } = new HashSet<AlertKind> { AlertKind.MaintenanceOverdue };

    public IEnumerable<AlertCondition> Conditions(DateTimeOffset now) =>
        book.All.Where(o => o.IsOverdue(now))
            .GroupBy(o => new AlertSubject(AlertKind.MaintenanceOverdue, o.StoreCode, o.TerminalId))
            .Select(g => new AlertCondition(g.Key, AlertSeverity.Warning, g.Min(o => o.DueAt)));
}
