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

    public bool HasProblem => Connectivity == Connectivity.Offline || Power == PowerStatus.Unstable
                              || Software is SoftwareStatus.Outdated or SoftwareStatus.Unsupported;
}
