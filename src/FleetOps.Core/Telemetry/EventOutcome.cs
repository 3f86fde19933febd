namespace FleetOps.Core.Telemetry;

/// <summary>One event of a request after validation: either the event or the reason it was refused.</summary>
public sealed record EventOutcome(int Index, string? Id, TelemetryEvent? Event, string? Error);
