using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Fleet;

public sealed record TimelineEntry(DateTimeOffset At, DateTimeOffset ReceivedAt, EventType Type, string Detail, TelemetryEvent? Event);
