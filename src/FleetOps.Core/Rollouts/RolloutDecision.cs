using System.Text.Json.Serialization;

namespace FleetOps.Core.Rollouts;

/// <summary>What a running rollout's progress calls for by itself (written to the log by these names).</summary>
public enum RolloutDecision
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("halt")] Halt,
    [JsonStringEnumMemberName("advance")] Advance,
}
