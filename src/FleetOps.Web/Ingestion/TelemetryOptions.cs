using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Ingestion;

/// <summary><c>FleetOps:Telemetry</c>: what the server tells terminals in <c>directives</c>, and how old an event may be.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "FleetOps:Telemetry";
    public int HeartbeatIntervalSeconds { get; set; } = 60;

    /// <summary>Events whose <c>at</c> is older than this are rejected (see <see cref="EventLimits"/>).</summary>
    public int MaxEventAgeDays { get; set; } = EventLimits.DefaultMaxEventAgeDays;

    /// <summary>Why the options cannot be used, or null.</summary>
    public string? Problem() =>
        HeartbeatIntervalSeconds < 1 ? $"{Section}:HeartbeatIntervalSeconds must be at least 1."
        : MaxEventAgeDays is < 1 or > 3650 ? $"{Section}:MaxEventAgeDays must be between 1 and 3650."
        : null;
}
