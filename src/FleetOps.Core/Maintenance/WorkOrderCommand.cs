using System.Text.Json.Serialization;

namespace FleetOps.Core.Maintenance;

/// <summary>What someone asks of a work order; <see cref="WorkOrderFlow.Next"/> says where it leads, if anywhere.</summary>
public enum WorkOrderCommand
{
    [JsonStringEnumMemberName("schedule")] Schedule,
    [JsonStringEnumMemberName("start")] Start,
    [JsonStringEnumMemberName("wait")] Wait,
    [JsonStringEnumMemberName("complete")] Complete,
    [JsonStringEnumMemberName("cancel")] Cancel,
}
