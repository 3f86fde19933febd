using FleetOps.Core.Settings;

namespace FleetOps.Core.Maintenance;

/// <summary><c>FleetOps:Maintenance</c>.</summary>
public sealed class MaintenanceOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Maintenance";

    /// <summary>How far ahead a schedule-basis plan's work orders exist (docs/api.md §8), so calendars show them.</summary>
    public int GenerateDaysAhead { get; set; } = 30;

    /// <summary>How often plans are looked at (new days come into the window, previous work is done).</summary>
    public double GenerateEveryMinutes { get; set; } = 5;

    /// <summary>Where photos are kept; empty: an <c>attachments</c> folder beside the SQLite database (the data folder).</summary>
    public string? AttachmentsPath { get; set; }

    /// <summary>The largest photo accepted (issue 14: 10 MiB).</summary>
    public long MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many days after it is raised a follow-up of a flagged checklist item is due.</summary>
    public int FollowUpDueDays { get; set; } = 3;

    public TimeSpan GenerateEvery => TimeSpan.FromMinutes(GenerateEveryMinutes);

    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(GenerateDaysAhead, 1, 366)
        .Range(GenerateEveryMinutes, 0.1, 24 * 60)
        .Range(FollowUpDueDays, 1, 366)
        .ToList();
}
