using FleetOps.Core.Alerts;

namespace FleetOps.Web.Alerts;

/// <summary>
/// An alert's <c>title</c> for programs and chat messages (the API and webhooks speak English, like the rest of the
/// API's texts), and the title of a work order opened from it. Pages show their own, localised words for the kind, and
/// render such a work order's title in the reader's language (<c>WorkOrderText</c>, whose English resource texts are
/// tested to be these sentences).
/// </summary>
public static class AlertTitle
{
    public static string Of(Alert a) => Of(a.Kind, a.TerminalId, a.StoreCode);

    public static string Of(AlertKind kind, string? terminalId, string storeCode) => kind switch
    {
        AlertKind.Offline => $"Terminal {terminalId} at {storeCode} is offline",
        AlertKind.UnstablePower => $"Terminal {terminalId} at {storeCode} has unstable power",
        AlertKind.StorePowerOutage => $"Store {storeCode} has a power outage",
        AlertKind.BatteryWeak => $"Terminal {terminalId} at {storeCode} has a weak battery",
        AlertKind.MoneyAtRisk => $"Store {storeCode} has card payments at risk",
        AlertKind.UnsupportedSoftware => $"Terminal {terminalId} at {storeCode} runs unsupported software",
        AlertKind.UpdateOverdue => $"Terminal {terminalId} at {storeCode} is overdue for a software update",
        AlertKind.RolloutHalted => $"A software rollout at {storeCode} was halted",
        AlertKind.MaintenanceOverdue => $"Maintenance at {storeCode} is overdue",
        AlertKind.TrainingOverdue => $"Staff training at {storeCode} is overdue",
        _ => $"{kind} at {storeCode}",
    };
}
