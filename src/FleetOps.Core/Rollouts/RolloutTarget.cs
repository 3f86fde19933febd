namespace FleetOps.Core.Rollouts;

/// <summary>
/// What a terminal in a started wave is told to run; no firmware means the model's target firmware still applies. It names
/// the rollout and the wave (from 1) that tell it, so a terminal's page can say so without searching every rollout.
/// </summary>
public sealed record RolloutTarget(string AppVersion, string? FirmwareVersion, long RolloutId, int Wave);
