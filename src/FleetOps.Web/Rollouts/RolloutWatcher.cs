using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Web.Election;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Rollouts;

/// <summary>
/// Loads the rollouts at start-up (after the fleet: progress is read from it) and then follows the fleet's committed changes:
/// a change of a terminal in a running or halted rollout's waves has that rollout's progress judged again
/// (<see cref="RolloutService.EvaluateAsync"/>), off the writer's thread and at most every 250 ms, so a wave halts or
/// advances by itself within a moment of the event that tipped it.
/// <para>
/// Every node loads; only the leading node halts and advances (<see cref="Leadership"/>): it follows the fleet while it
/// leads, and judges every rollout when it takes the lead — terminals may have reported while no node did.
/// </para>
/// </summary>
public sealed class RolloutWatcher(FleetDbContextFactory databases, RolloutBook book, RolloutService service, FleetState fleet, Leadership leadership)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = databases.CreateDbContext())
        {
            book.Load(await RolloutRows.LoadAllAsync(db, cancellationToken));
        }
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.WhileLeadingAsync(LeadAsync, stoppingToken);

    private async Task LeadAsync(CancellationToken stoppingToken)
    {
        using var subscription = fleet.Subscribe(t => book.ActiveRolloutOf(t.TerminalId) is not null, OnFleetChangedAsync, Interval);
        foreach (var rollout in book.All) await service.EvaluateAsync(rollout.Id, stoppingToken);
        await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
    }

    private async Task OnFleetChangedAsync(ChangeBatch<TerminalSnapshot> changes)
    {
        var rollouts = changes.EverythingChanged
            ? book.All.Select(r => r.Id).ToHashSet()
            : changes.Select(t => book.ActiveRolloutOf(t.TerminalId)).OfType<long>().ToHashSet();
        foreach (var id in rollouts) await service.EvaluateAsync(id);
    }
}
