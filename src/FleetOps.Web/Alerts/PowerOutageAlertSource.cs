using FleetOps.Core.Alerts;
using FleetOps.Web.Fleet;

namespace FleetOps.Web.Alerts;

/// <summary>
/// One critical store-level alert while a store power incident is open (docs/api.md §6): the store's supply, not a device,
/// so the store manager calls an electrician; it resolves when the affected terminals report again.
/// </summary>
public sealed class PowerOutageAlertSource(PowerIncidents incidents) : IAlertSource
{
    public IReadOnlySet<AlertKind> Kinds { get; } = new HashSet<AlertKind> { AlertKind.StorePowerOutage };

    public IEnumerable<AlertCondition> Conditions(DateTimeOffset now) =>
        incidents.Open(null)
            .GroupBy(i => i.StoreCode, StringComparer.OrdinalIgnoreCase)
            .Select(store => new AlertCondition(
                new AlertSubject(AlertKind.StorePowerOutage, store.Key, null), AlertSeverity.Critical, store.Min(i => i.Incident.StartedAt)));
}
