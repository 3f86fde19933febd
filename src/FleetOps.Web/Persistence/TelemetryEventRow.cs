namespace FleetOps.Web.Persistence;

/// <summary>
/// One accepted power or transaction event, kept in full (heartbeats are rolled up in <see cref="HeartbeatHourRow"/>
/// and <see cref="TerminalBootRow"/>; rows of type heartbeat exist only in databases written before that). Times are Unix milliseconds so that ordering and range scans are plain
/// integer comparisons on both SQLite and PostgreSQL, and the hot insert needs no conversions.
/// </summary>
public sealed class TelemetryEventRow
{
    public long Id { get; set; }
    public required string TerminalId { get; set; }
    public required string EventId { get; set; }
    public required string Type { get; set; }
    public long AtMs { get; set; }
    public long ReceivedAtMs { get; set; }

    /// <summary>Power state or transaction stage.</summary>
    public required string Detail { get; set; }

    /// <summary>The validated event as JSON (never the raw request: only fields the protocol knows).</summary>
    public required string Payload { get; set; }
}
