using FleetOps.Core.Rollouts;

namespace FleetOps.Web.Rollouts;

/// <summary>The rollout after a command, or why the command was refused (<see cref="Detail"/> in English, read by people).</summary>
public sealed record RolloutResult(Rollout? Rollout, RolloutError Error, string? Detail)
{
    public static RolloutResult Done(Rollout rollout) => new(rollout, RolloutError.None, null);

    public static RolloutResult Refused(RolloutError error, string detail) => new(null, error, detail);
}
