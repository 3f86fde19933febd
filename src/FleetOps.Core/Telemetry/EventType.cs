using System.Text.Json.Serialization;

namespace FleetOps.Core.Telemetry;

/// <summary>The three kinds of telemetry event (docs/api.md §1).</summary>
public enum EventType
{
    [JsonStringEnumMemberName("heartbeat")] Heartbeat,
    [JsonStringEnumMemberName("power")] Power,
    [JsonStringEnumMemberName("transaction")] Transaction,
}
