using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Background;

/// <summary>
/// Applies what time alone changes: four times a second it takes the offline deadlines that passed (a
/// priority queue, so each tick costs only the terminals that are due), and every five seconds it lets
/// power windows slide; and it applies the unsettled-transaction deadlines that passed.
/// Subscribers hear of the changes off this thread (<see cref="FleetOps.Core.Live.ChangeFeed{TChange}"/>), so none of them
/// can stop the clock — an exception leaving a hosted service would stop the whole server, offline detection with it.
/// </summary>
public sealed class FleetClock(FleetState fleet, TransactionBook book, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private const int PowerEveryTicks = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        var tick = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                fleet.Sweep(includePower: ++tick % PowerEveryTicks == 0);
                book.Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
