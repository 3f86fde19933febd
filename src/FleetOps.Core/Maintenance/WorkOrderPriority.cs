using System.Text.Json.Serialization;

namespace FleetOps.Core.Maintenance;

public enum WorkOrderPriority
{
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("normal")] Normal,
    [JsonStringEnumMemberName("high")] High,
    [JsonStringEnumMemberName("urgent")] Urgent,
}
