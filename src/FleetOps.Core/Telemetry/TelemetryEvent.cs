using FleetOps.Core.Wire;

namespace FleetOps.Core.Telemetry;

/// <summary>One validated event from a terminal. Only values that passed the card-number guard get here.</summary>
public abstract record TelemetryEvent(string Id, DateTimeOffset At)
{
    public abstract EventType Type { get; }

    /// <summary>The short fact shown on a timeline and indexed in storage: boot id, power state or transaction stage.</summary>
    public abstract string Detail { get; }
}

public sealed record HeartbeatEvent(
    string Id,
    DateTimeOffset At,
    string BootId,
    long UptimeSeconds,
    string AppVersion,
    string FirmwareVersion,
    PowerSource PowerSource,
    int? BatteryPercent = null,
    int? PendingReversals = null,
    int? OpenBatchCount = null,
    long? OpenBatchAmountMinor = null,
    string? Currency = null) : TelemetryEvent(Id, At)
{
    public override EventType Type => EventType.Heartbeat;
    public override string Detail => BootId;
}

public sealed record PowerEvent(string Id, DateTimeOffset At, PowerState State, int? BatteryPercent = null)
    : TelemetryEvent(Id, At)
{
    public override EventType Type => EventType.Power;
    public override string Detail => State.ToWire();

    /// <summary>Loss of supply as the detection rules count it (PROTOCOL.md §3).</summary>
    public bool IsLoss => State is PowerState.Lost or PowerState.Brownout;
}

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
