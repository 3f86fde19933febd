using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Ingestion;

/// <summary>One stage of a card payment (API reference only).</summary>
[Description("A stage of a card payment. A run of 13–19 digits passing the Luhn check in any field rejects the event: full card numbers are never accepted.")]
public sealed class TransactionEventSchema : TelemetryEventSchema
{
    [Required, Description("Unique per terminal; the stages of one payment share it.")]
    public required string TransactionId { get; init; }

    [Required]
    public required TransactionStage Stage { get; init; }

    [Required, Range(1, long.MaxValue), Description("In the currency's minor unit (fen for CNY, yen for JPY).")]
    public required long AmountMinor { get; init; }

    [Required, StringLength(3, MinimumLength = 3), Description("ISO 4217 code.")]
    public required string Currency { get; init; }

    [Description("At most the first 6 and the last 4 digits, e.g. `622848******1234`.")]
    public string? MaskedPan { get; init; }

    public string? AuthCode { get; init; }

    [Description("Retrieval reference number from the acquirer.")]
    public string? Rrn { get; init; }

    public string? BatchNumber { get; init; }
}
