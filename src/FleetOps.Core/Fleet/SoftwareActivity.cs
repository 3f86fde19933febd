using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Fleet;

/// <summary>The newest software event of a terminal (by its own timestamp, so a late backlog does not roll it back).</summary>
public sealed record SoftwareActivity(DateTimeOffset At, SoftwareState State, string Version, string? Error)
{
    public static SoftwareActivity From(SoftwareEvent e) => new(e.At, e.State, e.Version, e.Error);
}
