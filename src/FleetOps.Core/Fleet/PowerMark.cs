using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Fleet;

/// <summary>A power event as the history keeps it.</summary>
public sealed record PowerMark(string EventId, DateTimeOffset At, PowerState State);
