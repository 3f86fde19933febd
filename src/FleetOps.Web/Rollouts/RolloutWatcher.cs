using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Rollouts;

/// <summary>
/// Loads the rollouts at start-up (after the fleet: progress is read from it) and then follows the fleet's committed changes:
/// a change of a terminal in a running or halted rollout's waves has that rollout's progress judged again
/// (<see cref="RolloutService.EvaluateAsync"/>), off the writer's thread and at most every 250 ms, so a wave halts or
/// advances by itself within a moment of the event that tipped it.
/// </summary>
public sealed class RolloutWatcher(FleetDbContextFactory databases, RolloutBook book, RolloutService service, FleetState fleet)
    : IHostedService, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private IDisposable? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = databases.CreateDbContext())
        {
            book.Load(await RolloutRows.LoadAllAsync(db, cancellationToken));
        }
        _subscription = fleet.Subscribe(t => book.ActiveRolloutOf(t.TerminalId) is not null, OnFleetChangedAsync, Interval);
        // Terminals may have reported while nobody listened (another node, or before this one stopped).
        foreach (var rollout in book.All) await service.EvaluateAsync(rollout.Id, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task OnFleetChangedAsync(ChangeBatch<TerminalSnapshot> changes)
    {
        var rollouts = changes.EverythingChanged
            ? book.All.Select(r => r.Id).ToHashSet()
            : changes.Select(t => book.ActiveRolloutOf(t.TerminalId)).OfType<long>().ToHashSet();
        foreach (var id in rollouts) await service.EvaluateAsync(id);
    }
}
