namespace FleetOps.Core.Fleet;

/// <summary>What an administrator registered; changes only through the management side, never from telemetry.</summary>
public sealed record TerminalRegistration(string TerminalId, string StoreCode, string Model, string? SerialNumber, bool Decommissioned = false);
