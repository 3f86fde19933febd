using System.Text.Json.Serialization;

namespace FleetOps.Core.Rollouts;

/// <summary>
/// A rollout's state (docs/api.md §7). A rollout superseded by a newer one for its model is <see cref="Completed"/>,
/// with <see cref="Rollout.SupersededBy"/> set: nothing more will start, as after its last wave.
/// </summary>
public enum RolloutState
{
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("halted")] Halted,
    [JsonStringEnumMemberName("completed")] Completed,
}
