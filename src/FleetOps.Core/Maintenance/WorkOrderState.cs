using System.Text.Json.Serialization;

namespace FleetOps.Core.Maintenance;

/// <summary>Where a work order is (docs/api.md §8); which moves are legal is <see cref="WorkOrderFlow"/>.</summary>
public enum WorkOrderState
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("scheduled")] Scheduled,
    [JsonStringEnumMemberName("in_progress")] InProgress,
    [JsonStringEnumMemberName("waiting")] Waiting,
    [JsonStringEnumMemberName("done")] Done,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
