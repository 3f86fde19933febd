using FleetOps.Core.Settings;

namespace FleetOps.Web.Election;

/// <summary><c>FleetOps:Leadership</c>: how the nodes of a cluster choose the one that does the work that must happen once.</summary>
public sealed class LeadershipOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Leadership";

    public LeadershipMode Mode { get; set; } = LeadershipMode.Auto;

    /// <summary>How often a node that does not lead tries the lock again.</summary>
    /// <remarks>
    /// At most 10: the elected work must move within 15 s of its leader dying, and a follower notices only at its next try
    /// (PostgreSQL frees the lock as soon as the dead process's socket closes).
    /// </remarks>
    public double RetrySeconds { get; set; } = 3;

    public TimeSpan RetryEvery => TimeSpan.FromSeconds(RetrySeconds);

    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Known(Mode)
        .Range(RetrySeconds, 0.1, 10)
        .ToList();
}
