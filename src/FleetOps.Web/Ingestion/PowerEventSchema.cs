using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Ingestion;

/// <summary>A change of the terminal's power (API reference only).</summary>
[Description("Power as the terminal saw it; `shutdown` is a clean, intended power-off and never counts as a loss.")]
public sealed class PowerEventSchema : TelemetryEventSchema
{
    [Required]
    public required PowerState State { get; init; }

    [Range(0, 100)]
    public int? BatteryPercent { get; init; }
}
