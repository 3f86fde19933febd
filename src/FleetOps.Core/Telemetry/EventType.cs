using System.Text.Json.Serialization;

namespace FleetOps.Core.Telemetry;

/// <summary>The kinds of telemetry event (docs/api.md §1, and §7 for <see cref="Software"/>).</summary>
public enum EventType
{
    [JsonStringEnumMemberName("heartbeat")] Heartbeat,
    [JsonStringEnumMemberName("power")] Power,
    [JsonStringEnumMemberName("transaction")] Transaction,
    [JsonStringEnumMemberName("software")] Software,
}
