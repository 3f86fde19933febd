using FleetOps.Core.Wire;

namespace FleetOps.Core.Telemetry;

public sealed record TransactionEvent(
    string Id,
    DateTimeOffset At,
    string TransactionId,
    TransactionStage Stage,
    long AmountMinor,
    string Currency,
    string? MaskedPan = null,
    string? AuthCode = null,
    string? Rrn = null,
    string? BatchNumber = null) : TelemetryEvent(Id, At)
{
    public override EventType Type => EventType.Transaction;
    public override string Detail => Stage.ToWire();
}
