using FleetOps.Core.Settings;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Ingestion;

/// <summary><c>FleetOps:Telemetry</c>: what the server tells terminals in <c>directives</c>, and how old an event may be.</summary>
public sealed class TelemetryOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Telemetry";
    public int HeartbeatIntervalSeconds { get; set; } = 60;

    /// <summary>Events whose <c>at</c> is older than this are rejected (see <see cref="EventLimits"/>).</summary>
    public int MaxEventAgeDays { get; set; } = EventLimits.DefaultMaxEventAgeDays;

    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(HeartbeatIntervalSeconds, 1, 86_400)
        .Range(MaxEventAgeDays, 1, 3650)
        .ToList();
}
