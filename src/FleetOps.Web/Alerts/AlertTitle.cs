using FleetOps.Core.Alerts;

namespace FleetOps.Web.Alerts;

/// <summary>
/// An alert's <c>title</c> for programs and chat messages (the API and webhooks speak English, like the rest of the
/// API's texts); pages show their own, localised words for the kind.
/// </summary>
public static class AlertTitle
{
    public static string Of(Alert a) => a.Kind switch
    {
        AlertKind.Offline => $"Terminal {a.TerminalId} at {a.StoreCode} is offline",
        AlertKind.UnstablePower => $"Terminal {a.TerminalId} at {a.StoreCode} has unstable power",
        AlertKind.StorePowerOutage => $"Store {a.StoreCode} has a power outage",
        AlertKind.BatteryWeak => $"Terminal {a.TerminalId} at {a.StoreCode} has a weak battery",
        AlertKind.MoneyAtRisk => $"Store {a.StoreCode} has card payments at risk",
        AlertKind.UnsupportedSoftware => $"Terminal {a.TerminalId} at {a.StoreCode} runs unsupported software",
        AlertKind.UpdateOverdue => $"Terminal {a.TerminalId} at {a.StoreCode} is overdue for a software update",
        AlertKind.RolloutHalted => $"A software rollout at {a.StoreCode} was halted",
        AlertKind.MaintenanceOverdue => $"Maintenance at {a.StoreCode} is overdue",
        AlertKind.TrainingOverdue => $"Staff training at {a.StoreCode} is overdue",
        _ => $"{a.Kind} at {a.StoreCode}",
    };
}
