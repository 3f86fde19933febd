namespace FleetOps.Core.Rollouts;

/// <summary>What a terminal in a started wave is told to run; no firmware means the model's target firmware still applies.</summary>
public sealed record RolloutTarget(string AppVersion, string? FirmwareVersion);
