namespace FleetOps.Web.Persistence;

public sealed class StoreRow
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Region { get; set; }
    public required string TimeZone { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A registered terminal and its latest state (the event writer keeps the latest-state columns current).</summary>
public sealed class TerminalRow
{
    public required string TerminalId { get; set; }
    public required string StoreCode { get; set; }
    public required string Model { get; set; }
    public string? SerialNumber { get; set; }

    /// <summary>SHA-256 of the terminal key. Keys are 256-bit random secrets, so a fast hash is enough.</summary>
    public required byte[] KeyHash { get; set; }
    public bool Decommissioned { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    public long? LastSeenAtMs { get; set; }
    public long? LastContactAtMs { get; set; }
    public string? AppVersion { get; set; }
    public string? FirmwareVersion { get; set; }

    /// <summary>Heartbeat and power facts as JSON: written in one statement per batch by the event writer.</summary>
    public string? LatestStateJson { get; set; }
}

/// <summary>
/// One accepted telemetry event. Times are Unix milliseconds so that ordering and range scans are plain
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

    /// <summary>Boot id, power state or transaction stage.</summary>
    public required string Detail { get; set; }

    /// <summary>The validated event as JSON (never the raw request: only fields the protocol knows).</summary>
    public required string Payload { get; set; }
}

public sealed class SoftwareTargetRow
{
    public required string Model { get; set; }
    public required string AppVersion { get; set; }
    public required string FirmwareVersion { get; set; }
    public string? MinimumAppVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
