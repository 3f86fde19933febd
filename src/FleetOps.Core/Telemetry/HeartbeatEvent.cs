namespace FleetOps.Core.Telemetry;

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
