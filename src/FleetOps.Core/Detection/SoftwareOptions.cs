using FleetOps.Core.Settings;

namespace FleetOps.Core.Detection;

/// <summary><c>FleetOps:Software</c> (docs/api.md §7, issue 13).</summary>
public sealed class SoftwareOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Software";

    /// <summary>A terminal still behind its model's target this many days after the target was set raises <c>update_overdue</c>.</summary>
    public double UpdateOverdueDays { get; set; } = 7;

    public TimeSpan UpdateOverdue => TimeSpan.FromDays(UpdateOverdueDays);

    /// <summary>Tests shrink days to seconds, so the lower bound is small.</summary>
    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(UpdateOverdueDays, 0.00001, 365)
        .ToList();
}
