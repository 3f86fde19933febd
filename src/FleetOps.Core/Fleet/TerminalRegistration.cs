namespace FleetOps.Core.Fleet;

/// <summary>
/// What an administrator registered; changes only through the management side, never from telemetry.
/// <see cref="AcquirerTerminalId"/> is the acquirer's own id of the terminal (PROTOCOL §11), as its settlement reports
/// name it.
/// </summary>
public sealed record TerminalRegistration(string TerminalId, string StoreCode, string Model, string? SerialNumber, bool Decommissioned = false,
    string? AcquirerTerminalId = null);
