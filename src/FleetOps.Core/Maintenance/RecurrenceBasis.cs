using System.Text.Json.Serialization;

namespace FleetOps.Core.Maintenance;

/// <summary>
/// What a plan's next due date counts from, as in a CMMS: the schedule (every N from the start, whenever the work was
/// done) or the completion of the previous work order (every N after it was actually done).
/// </summary>
public enum RecurrenceBasis
{
    [JsonStringEnumMemberName("schedule")] Schedule,
    [JsonStringEnumMemberName("completion")] Completion,
}
