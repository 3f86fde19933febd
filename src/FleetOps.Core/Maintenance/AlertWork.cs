using FleetOps.Core.Alerts;

namespace FleetOps.Core.Maintenance;

/// <summary>
/// The work an alert calls for (issue 14): unstable power or a store's outage → a power inspection, a weak battery → a
/// battery replacement, unsupported or overdue software → an update, a terminal offline → a network check; anything else an
/// inspection. A person may still choose another kind or checklist.
/// </summary>
public static class AlertWork
{
    public static (WorkOrderKind Kind, string Checklist) For(AlertKind kind) => kind switch
    {
        AlertKind.UnstablePower or AlertKind.StorePowerOutage => (WorkOrderKind.Power, DefaultChecklists.PowerUps),
        AlertKind.BatteryWeak => (WorkOrderKind.Battery, DefaultChecklists.BatteryReplacement),
        AlertKind.UnsupportedSoftware or AlertKind.UpdateOverdue => (WorkOrderKind.Software, DefaultChecklists.SoftwareUpdate),
        AlertKind.Offline => (WorkOrderKind.Network, DefaultChecklists.CableNetwork),
        _ => (WorkOrderKind.Inspection, DefaultChecklists.TerminalInspection),
    };

    /// <summary>How soon the work is due after it is raised, by the alert's severity.</summary>
    public static TimeSpan DueWithin(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => TimeSpan.FromDays(1),
        AlertSeverity.Warning => TimeSpan.FromDays(3),
        _ => TimeSpan.FromDays(7),
    };
}
