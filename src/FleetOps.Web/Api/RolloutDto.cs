using FleetOps.Core.Fleet;
using FleetOps.Core.Rollouts;
using FleetOps.Web.Rollouts;

namespace FleetOps.Web.Api;

/// <summary>
/// A rollout (docs/api.md §7). <c>currentWave</c> is the index in <c>waves</c> of the newest started wave. FleetOps adds the
/// thresholds, <c>supersededBy</c> (set on a rollout completed by a newer one for its model) and the times.
/// </summary>
public sealed record RolloutDto(
    long Id, string Model, string AppVersion, string? FirmwareVersion, RolloutState State, int CurrentWave, IReadOnlyList<WaveDto> Waves,
    int HaltWhenFailedPercent, int? AdvanceWhenInstalledPercent, long? SupersededBy, DateTimeOffset CreatedAt, DateTimeOffset? HaltedAt)
{
    /// <param name="visible">The terminals the caller may see: the counts are of those only.</param>
    /// <param name="visibleStore">The stores the caller may see: a wave's <c>stores</c> lists those only.</param>
    public static RolloutDto From(Rollout r, FleetState fleet, Func<TerminalSnapshot, bool>? visible, Func<string, bool>? visibleStore = null)
    {
        var progress = RolloutBook.Progress(r, fleet, visible);
        return new RolloutDto(r.Id, r.Model, r.AppVersion, r.FirmwareVersion, r.State, r.CurrentWave,
            r.Waves.Select((w, i) => new WaveDto(progress[i].Terminals, progress[i].Installed, progress[i].Failed, progress[i].Pending,
                visibleStore is null ? w.Spec.Stores : w.Spec.Stores?.Where(visibleStore).ToList(), w.Spec.Percent, w.StartedAt)).ToList(),
            r.HaltWhenFailedPercent, r.AdvanceWhenInstalledPercent, r.SupersededBy, r.CreatedAt, r.HaltedAt);
    }
}
