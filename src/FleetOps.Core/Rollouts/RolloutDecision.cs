namespace FleetOps.Core.Rollouts;

/// <summary>What a running rollout's progress calls for by itself.</summary>
public enum RolloutDecision
{
    None,
    Halt,
    Advance,
}
