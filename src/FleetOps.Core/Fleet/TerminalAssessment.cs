using System.Collections.Concurrent;
using FleetOps.Core.Detection;

namespace FleetOps.Core.Fleet;

/// <summary>The detection results for one terminal at one moment.</summary>
public sealed record TerminalAssessment(
    Connectivity Connectivity,
    PowerStatus Power,
    int LossesInWindow,
    DateTimeOffset? LastLossAt,
    LikelyCause? LikelyCause,
    SoftwareStatus Software)
{
    public static readonly TerminalAssessment Unknown =
        new(Connectivity.Unknown, PowerStatus.Stable, 0, null, null, SoftwareStatus.Unknown);

    /// <summary>The battery as its last measured run on battery shows it (§6); unknown for most terminals.</summary>
    public BatteryHealth Battery { get; init; } = BatteryHealth.Unknown;

    // Most terminals have no power loss in the window, so their assessments differ only in three enumerations: they
    // share one immutable instance per combination instead of holding 100,000 equal copies.
    private static readonly ConcurrentDictionary<(Connectivity, PowerStatus, SoftwareStatus), TerminalAssessment> WithoutLosses = new();

    public static TerminalAssessment Of(Connectivity connectivity, PowerStatus power, int lossesInWindow, DateTimeOffset? lastLossAt,
        LikelyCause? likelyCause, SoftwareStatus software, BatteryHealth? battery = null) =>
        lossesInWindow == 0 && lastLossAt is null && likelyCause is null && (battery is null || battery == BatteryHealth.Unknown)
            ? WithoutLosses.GetOrAdd((connectivity, power, software), k => new(k.Item1, k.Item2, 0, null, null, k.Item3))
            : new(connectivity, power, lossesInWindow, lastLossAt, likelyCause, software) { Battery = battery ?? BatteryHealth.Unknown };

    public bool HasProblem => Connectivity == Connectivity.Offline || Power == PowerStatus.Unstable
                              || Software is SoftwareStatus.Outdated or SoftwareStatus.Unsupported;
}
