using System.Text.Json.Serialization;

namespace FleetOps.Core.Training;

/// <summary>Where a person (or their training in one programme) stands today.</summary>
public enum TrainingStatus
{
    [JsonStringEnumMemberName("current")] Current,
    [JsonStringEnumMemberName("due_soon")] DueSoon,
    [JsonStringEnumMemberName("overdue")] Overdue,
    [JsonStringEnumMemberName("never_trained")] NeverTrained,
}
