using System.Text.Json.Serialization;

namespace FleetOps.Core.Telemetry;

/// <summary>Power event states of docs/api.md §1; <see cref="Shutdown"/> is a clean, intended power-off.</summary>
public enum PowerState
{
    [JsonStringEnumMemberName("lost")] Lost,
    [JsonStringEnumMemberName("restored")] Restored,
    [JsonStringEnumMemberName("on_battery")] OnBattery,
    [JsonStringEnumMemberName("low_battery")] LowBattery,
    [JsonStringEnumMemberName("brownout")] Brownout,
    [JsonStringEnumMemberName("shutdown")] Shutdown,
}
