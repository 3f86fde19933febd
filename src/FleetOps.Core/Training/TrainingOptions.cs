using FleetOps.Core.Settings;

namespace FleetOps.Core.Training;

/// <summary><c>FleetOps:Training</c>.</summary>
public sealed class TrainingOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Training";

    /// <summary>A store is flagged "training recommended" from this many operator-caused failures in 30 days (docs/api.md §9).</summary>
    public int RecommendAtOperatorFailures { get; set; } = 3;

    /// <summary>Training that ends within this many days is "due soon" (issue 15: 30).</summary>
    public int DueSoonDays { get; set; } = 30;

    /// <summary>
    /// The largest drawn signature accepted, in bytes. A signature pad's PNG is tens of KiB; the limit is far below
    /// maintenance's photo limit because signatures are kept in the database with the session, not as files.
    /// </summary>
    public int MaxSignatureBytes { get; set; } = 512 * 1024;

    /// <summary>The targeting rule: enough operator-caused failures in the window that training is where the fix lies.</summary>
    public bool Recommends(int operatorFailures) => operatorFailures >= RecommendAtOperatorFailures;

    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(RecommendAtOperatorFailures, 1, 10_000)
        .Range(DueSoonDays, 0, 366)
        .Range(MaxSignatureBytes, 1024, 10 * 1024 * 1024)
        .ToList();
}
