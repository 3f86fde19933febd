using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Ingestion;

/// <summary>A terminal's periodic sign of life (API reference only).</summary>
[Description("Sent every `heartbeatIntervalSeconds` (the response's directives).")]
public sealed class HeartbeatEventSchema : TelemetryEventSchema
{
    [Required, Description("Changes on every boot: a new boot id without a clean `shutdown` counts as an unexpected reboot.")]
    public required string BootId { get; init; }

    [Required, Range(0, long.MaxValue)]
    public required long UptimeSeconds { get; init; }

    [Required]
    public required string AppVersion { get; init; }

    [Required]
    public required string FirmwareVersion { get; init; }

    [Required]
    public required PowerSource PowerSource { get; init; }

    [Range(0, 100)]
    public int? BatteryPercent { get; init; }

    [Range(0, int.MaxValue), Description("Reversals the terminal still has to send to the acquirer.")]
    public int? PendingReversals { get; init; }

    [Range(0, int.MaxValue), Description("Sales in the open (not yet settled) batch.")]
    public int? OpenBatchCount { get; init; }

    [Range(0, long.MaxValue), Description("Their total in the currency's minor unit (fen for CNY).")]
    public long? OpenBatchAmountMinor { get; init; }

    [StringLength(3, MinimumLength = 3), Description("ISO 4217 code of the open batch.")]
    public string? Currency { get; init; }
}
