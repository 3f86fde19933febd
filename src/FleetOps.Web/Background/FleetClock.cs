using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Background;

/// <summary>
/// Applies what time alone changes: four times a second it takes the offline deadlines that passed (a
/// priority queue, so each tick costs only the terminals that are due), and every five seconds it lets
/// power windows slide; and it applies the unsettled-transaction deadlines that passed.
/// Subscribers hear of the changes off this thread (<see cref="FleetOps.Core.Live.ChangeFeed{TChange}"/>), so none of them
/// can stop the clock — an exception leaving a hosted service would stop the whole server, offline detection with it.
/// <para>
/// It also notices the host's clock being set while FleetOps runs: the wall clock moving by more than the monotonic
/// clock (which timers run on and no one sets) between two ticks (<see cref="ClockStepWatch"/>). Such a step tells the fleet before it is swept
/// (<see cref="FleetState.ClockStepped"/>): set forward by an hour — NTP correcting a clock that was behind, a virtual
/// machine's clock caught up after it was resumed — every terminal would otherwise be judged offline at once, an alert
/// and a webhook each; set back, every terminal would stay online for as long as the clock had been ahead.
/// </para>
/// </summary>
public sealed partial class FleetClock(FleetState fleet, TransactionBook book, TimeProvider time, ILogger<FleetClock> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private const int PowerEveryTicks = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        var tick = 0;
        var steps = new ClockStepWatch(time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (steps.Look() is { } step) LogStepped(step.From, step.To, fleet.ClockStepped(step.From, step.To));
                fleet.Sweep(includePower: ++tick % PowerEveryTicks == 0);
                book.Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The host's clock was set from {From:O} to {To:O} while FleetOps ran: a step forward does not count against the terminals' offline limit, and after a step back no last contact is later than the new time ({Changed} terminals judged again)")]
    private partial void LogStepped(DateTimeOffset from, DateTimeOffset to, int changed);
}
