using FleetOps.Core.Settings;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Background;

/// <summary><c>FleetOps:Retention</c>.</summary>
public sealed class RetentionOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Retention";
    public const string HeartbeatHoursKey = Section + ":" + nameof(HeartbeatHours);

    /// <summary>Heartbeat rows are deleted after this long; power and transaction events are kept.</summary>
    /// <remarks>The telemetry API refuses heartbeats older than this (<see cref="EventLimits.HeartbeatCutoff"/>).</remarks>
    public double HeartbeatHours { get; set; } = EventLimits.DefaultHeartbeatRetentionHours;
    public int SweepMinutes { get; set; } = 10;

    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(HeartbeatHours, 0.01, 24 * 3650)
        .Range(SweepMinutes, 1, 24 * 60)
        .ToList();
}
