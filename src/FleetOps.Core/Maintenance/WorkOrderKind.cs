using System.Text.Json.Serialization;

namespace FleetOps.Core.Maintenance;

public enum WorkOrderKind
{
    [JsonStringEnumMemberName("inspection")] Inspection,
    [JsonStringEnumMemberName("power")] Power,
    [JsonStringEnumMemberName("battery")] Battery,
    [JsonStringEnumMemberName("software")] Software,
    [JsonStringEnumMemberName("network")] Network,
    [JsonStringEnumMemberName("repair")] Repair,
    [JsonStringEnumMemberName("other")] Other,
}
