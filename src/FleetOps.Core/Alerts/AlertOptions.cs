using FleetOps.Core.Settings;

namespace FleetOps.Core.Alerts;

/// <summary><c>FleetOps:Alerts</c>.</summary>
public sealed class AlertOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Alerts";

    /// <summary>
    /// Whether this node turns the detectors' findings into alerts. Off, the alert centre shows what is stored and
    /// nothing new opens or resolves: the benchmark's "without the alert centre" run, and a node that should not evaluate.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A condition back within this long after its alert resolved reopens that alert (docs/api.md §5).</summary>
    public double ReopenWithinMinutes { get; set; } = 10;

    /// <summary>How often the detectors' findings are turned into alerts.</summary>
    public double EvaluateSeconds { get; set; } = 5;

    /// <summary>An active alert's "last seen" is written again at most this often (10,000 active alerts must not mean 10,000 writes a tick).</summary>
    public double TouchMinutes { get; set; } = 5;

    public TimeSpan ReopenWithin => TimeSpan.FromMinutes(ReopenWithinMinutes);
    public TimeSpan EvaluateEvery => TimeSpan.FromSeconds(EvaluateSeconds);
    public TimeSpan TouchEvery => TimeSpan.FromMinutes(TouchMinutes);

    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(ReopenWithinMinutes, 0, 24 * 60)
        .Range(EvaluateSeconds, 0.1, 3600)
        .Range(TouchMinutes, 0.1, 24 * 60)
        .ToList();
}
