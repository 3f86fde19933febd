namespace FleetOps.Core.Rollouts;

/// <summary>One wave: how it was chosen, the terminals it holds (fixed when the rollout was created), and when it started.</summary>
public sealed record RolloutWave(WaveSpec Spec, IReadOnlyList<string> Terminals, DateTimeOffset? StartedAt)
{
    public bool Started => StartedAt is not null;
}
