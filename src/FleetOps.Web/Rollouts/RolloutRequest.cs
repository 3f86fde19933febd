using FleetOps.Core.Rollouts;

namespace FleetOps.Web.Rollouts;

/// <summary>What an administrator asks for, from the API or the page; checked by <see cref="RolloutService.CreateAsync"/>.</summary>
public sealed record RolloutRequest(
    string? Model,
    string? AppVersion,
    string? FirmwareVersion,
    IReadOnlyList<WaveSpec>? Waves,
    int? HaltWhenFailedPercent,
    int? AdvanceWhenInstalledPercent)
{
    /// <summary>The failure share that halts a rollout when the request names none.</summary>
    public const int DefaultHaltWhenFailedPercent = 20;

    public const int MaxWaves = 20;
}
