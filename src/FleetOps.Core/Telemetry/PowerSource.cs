using System.Text.Json.Serialization;

namespace FleetOps.Core.Telemetry;

/// <summary>What a terminal runs on, as its heartbeat says.</summary>
public enum PowerSource
{
    [JsonStringEnumMemberName("mains")] Mains,
    [JsonStringEnumMemberName("battery")] Battery,
}
