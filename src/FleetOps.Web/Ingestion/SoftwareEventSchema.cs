using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Ingestion;

/// <summary>A step of a software update (API reference only).</summary>
[Description("A step of installing the application version `version`; `installed` counts as running it at once. "
    + "A `failed` step counts against the wave of a rollout for that version.")]
public sealed class SoftwareEventSchema : TelemetryEventSchema
{
    [Required]
    public required SoftwareState State { get; init; }

    [Required, StringLength(EventParser.MaxVersionLength, MinimumLength = 1)]
    public required string Version { get; init; }

    [StringLength(EventParser.MaxSoftwareErrorLength, MinimumLength = 1), Description("The installer's reason; no card numbers or control characters.")]
    public string? Error { get; init; }
}
