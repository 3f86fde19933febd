using System.Text.Json.Serialization;

namespace FleetOps.Core.Alerts;

/// <summary>What an alert is about (docs/api.md §5); the wire names are fixed by the contract.</summary>
public enum AlertKind
{
    [JsonStringEnumMemberName("offline")] Offline,
    [JsonStringEnumMemberName("unstable_power")] UnstablePower,
    [JsonStringEnumMemberName("store_power_outage")] StorePowerOutage,
    [JsonStringEnumMemberName("battery_weak")] BatteryWeak,
    [JsonStringEnumMemberName("money_at_risk")] MoneyAtRisk,
    [JsonStringEnumMemberName("unsupported_software")] UnsupportedSoftware,
    [JsonStringEnumMemberName("update_overdue")] UpdateOverdue,
    [JsonStringEnumMemberName("rollout_halted")] RolloutHalted,
    [JsonStringEnumMemberName("maintenance_overdue")] MaintenanceOverdue,
    [JsonStringEnumMemberName("training_overdue")] TrainingOverdue,
}
