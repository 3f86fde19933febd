using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Fleet;

/// <summary>The facts of the newest heartbeat (by its own timestamp, so a late backlog does not roll them back).</summary>
public sealed record HeartbeatFacts(
    DateTimeOffset At,
    string BootId,
    long UptimeSeconds,
    string AppVersion,
    string FirmwareVersion,
    PowerSource PowerSource,
    int? BatteryPercent,
    int? PendingReversals,
    int? OpenBatchCount,
    long? OpenBatchAmountMinor,
    string? Currency)
{
    public static HeartbeatFacts From(HeartbeatEvent e) => new(e.At, e.BootId, e.UptimeSeconds, e.AppVersion,
        e.FirmwareVersion, e.PowerSource, e.BatteryPercent, e.PendingReversals, e.OpenBatchCount, e.OpenBatchAmountMinor, e.Currency);
}
