using System.ComponentModel;

namespace FleetOps.Web.Api;

/// <summary>The body of <c>POST /api/v1/software/rollouts</c> (docs/api.md §7).</summary>
public sealed record CreateRolloutRequest(
    string? Model,
    string? AppVersion,
    string? FirmwareVersion,
    IReadOnlyList<WaveRequest>? Waves,
    [property: Description("More than this share of a started wave failed halts the rollout (default 20).")] int? HaltWhenFailedPercent,
    [property: Description("FleetOps addition: the next wave starts by itself once the newest started one has this share installed; "
        + "without it, only by hand.")] int? AdvanceWhenInstalledPercent);
