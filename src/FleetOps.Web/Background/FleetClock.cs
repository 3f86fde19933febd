using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Background;

/// <summary>
/// Applies what time alone changes: four times a second it takes the offline deadlines that passed (a
/// priority queue, so each tick costs only the terminals that are due), and every five seconds it lets
/// power windows slide; and it applies the unsettled-transaction deadlines that passed.
/// </summary>
public sealed partial class FleetClock(FleetState fleet, TransactionBook book, TimeProvider time, ILogger<FleetClock> logger) : BackgroundService
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
                Guarded(() => fleet.Sweep(includePower: ++tick % PowerEveryTicks == 0));
                Guarded(() => book.Sweep());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// A subscriber that throws while hearing of a sweep's changes (the changes are made by then) must not stop the
    /// clock: an exception leaving a hosted service stops the whole server, and offline detection with it.
    /// </summary>
    private void Guarded(Func<int> sweep)
    {
        try
        {
            sweep();
        }
        catch (AggregateException ex)
        {
            LogSubscriberFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber failed while hearing of the clock's changes; the clock goes on")]
    private partial void LogSubscriberFailed(Exception exception);
}
