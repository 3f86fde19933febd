namespace FleetOps.Core.Rollouts;

/// <summary>
/// A staged rollout of an application version (and optionally firmware) to one model's terminals (docs/api.md §7).
/// Immutable: each change makes the next one, saved before it is published.
/// </summary>
/// <param name="HaltWhenFailedPercent">A started wave with more than this share of terminals failed halts the rollout.</param>
/// <param name="AdvanceWhenInstalledPercent">When the newest started wave reaches this share installed, the next one starts
/// (a FleetOps addition); null: only by hand.</param>
/// <param name="AcceptedThroughWave">Waves up to this index no longer halt the rollout: an administrator resumed it knowing
/// their failures. -1 at first.</param>
public sealed record Rollout(
    long Id,
    string Model,
    string AppVersion,
    string? FirmwareVersion,
    int HaltWhenFailedPercent,
    int? AdvanceWhenInstalledPercent,
    RolloutState State,
    IReadOnlyList<RolloutWave> Waves,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    int AcceptedThroughWave = -1,
    long? SupersededBy = null,
    DateTimeOffset? HaltedAt = null)
{
    /// <summary>The index of the newest started wave (the first starts with the rollout).</summary>
    public int CurrentWave => Waves.Count(w => w.Started) - 1;

    public bool IsLastWaveCurrent => CurrentWave == Waves.Count - 1;

    /// <summary>The rollout with its next wave started at <paramref name="now"/>, or completed when the last had started.</summary>
    public Rollout Advanced(DateTimeOffset now) => IsLastWaveCurrent
        ? this with { State = RolloutState.Completed }
        : this with { Waves = [.. Waves.Select((w, i) => i == CurrentWave + 1 ? w with { StartedAt = now } : w)] };
}
