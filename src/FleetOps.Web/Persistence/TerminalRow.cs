using FleetOps.Core.Fleet;

namespace FleetOps.Web.Persistence;

/// <summary>A registered terminal and its latest state (the event writer keeps the latest-state columns current).</summary>
public sealed class TerminalRow
{
    public required string TerminalId { get; set; }
    public required string StoreCode { get; set; }
    public required string Model { get; set; }
    public string? SerialNumber { get; set; }

    /// <summary>The acquirer's id of the terminal, as its settlement reports name it (PROTOCOL §11).</summary>
    public string? AcquirerTerminalId { get; set; }

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

    public TerminalRegistration ToRegistration() =>
        new(TerminalId, StoreCode, Model, SerialNumber, Decommissioned, AcquirerTerminalId);
}
