using FleetOps.Core.Wire;

namespace FleetOps.Core.Telemetry;

/// <summary>
/// A step of a software update as the terminal reports it (docs/api.md §7). The version is the application's: firmware is
/// known only from heartbeats.
/// </summary>
public sealed record SoftwareEvent(string Id, DateTimeOffset At, SoftwareState State, string Version, string? Error = null)
    : TelemetryEvent(Id, At)
{
    public override EventType Type => EventType.Software;
    public override string Detail => State.ToWire();
}
