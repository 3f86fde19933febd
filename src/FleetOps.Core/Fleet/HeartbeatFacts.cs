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
    /// <param name="e">the heartbeat</param>
    /// <param name="previous">the terminal's facts before it: a boot id equal to theirs is taken from them (<see cref="BootIdOf"/>).</param>
    public static HeartbeatFacts From(HeartbeatEvent e, HeartbeatFacts? previous = null) => new(e.At, BootIdOf(e, previous), e.UptimeSeconds, e.AppVersion,
        e.FirmwareVersion, e.PowerSource, e.BatteryPercent, e.PendingReversals, e.OpenBatchCount, e.OpenBatchAmountMinor, e.Currency);

    /// <summary>
    /// Each heartbeat is parsed into strings of its own, so a terminal kept two copies of its boot's id — the newest
    /// heartbeat's here, the first one's in its power history's boot segment (at 100,000 terminals 100,000 strings of the
    /// collector's heap, docs/benchmarks.md). An id equal to the one before is that one.
    /// </summary>
    private static string BootIdOf(HeartbeatEvent e, HeartbeatFacts? previous) =>
        previous is { } before && string.Equals(before.BootId, e.BootId, StringComparison.Ordinal) ? before.BootId : e.BootId;
}
