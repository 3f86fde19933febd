using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Core.Rollouts;
using FleetOps.Web.Rollouts;

namespace FleetOps.Web.Alerts;

/// <summary>
/// One <c>rollout_halted</c> alert per halted rollout (docs/api.md §5, §7), while it is halted: resuming it or a newer
/// rollout for the model (which completes it) resolves the alert. An alert's subject is a store, so it is the first store
/// (by code) of the newest started wave — the wave whose terminals were being updated; the people of that store see it,
/// administrators see every one. Warning, not critical: the terminals still run the version they had.
/// </summary>
public sealed class RolloutAlertSource(RolloutBook book, FleetState fleet) : IAlertSource
{
    public IReadOnlySet<AlertKind> Kinds { get; } = new HashSet<AlertKind> { AlertKind.RolloutHalted };

    public IEnumerable<AlertCondition> Conditions(DateTimeOffset now)
    {
        foreach (var rollout in book.All)
        {
            if (rollout.State != RolloutState.Halted || SubjectStore(rollout) is not { } store) continue;
            yield return new AlertCondition(new AlertSubject(AlertKind.RolloutHalted, store, null), AlertSeverity.Warning, rollout.HaltedAt ?? now);
        }
    }

    private string? SubjectStore(Rollout rollout) =>
        rollout.Waves[rollout.CurrentWave].Terminals.Select(fleet.Get).OfType<TerminalSnapshot>()
            .Select(t => t.StoreCode).Order(StringComparer.OrdinalIgnoreCase).FirstOrDefault();
}
