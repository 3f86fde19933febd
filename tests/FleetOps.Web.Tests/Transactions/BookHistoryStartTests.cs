using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Live;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// A history's first load reads every closed sale of its window — seconds of CPU at fleet scale — so it waits until the
/// server listens instead of competing with the fleet's own load and the first requests for the two cores.
/// </summary>
public sealed class BookHistoryStartTests
{
    [Fact]
    public async Task The_first_load_waits_until_the_server_listens_and_then_runs_at_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new DetectionOptions();
        var book = new TransactionBook(clock, options, new FleetState(clock, options));
        using var history = new CountingHistory(book, clock);

        await history.StartAsync(CancellationToken.None);
        // Before: the loop ran the first load inside StartAsync, i.e. before Kestrel listened.
        Assert.Equal(0, history.Loads);

        await ((IHostedLifecycleService)history).StartedAsync(CancellationToken.None);
        await Eventually.MatchesAsync(() => Task.FromResult(history.Loads), n => n == 1, "the first load after the server listens");

        // And then on its schedule, not again at once.
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.MatchesAsync(() => Task.FromResult(history.Loads), n => n == 2, "the scheduled second load");
        await history.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_history_stopped_before_the_server_listened_never_loads()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = new DetectionOptions();
        var book = new TransactionBook(clock, options, new FleetState(clock, options));
        using var history = new CountingHistory(book, clock);

        await history.StartAsync(CancellationToken.None);
        await history.StopAsync(CancellationToken.None); // returns only once ExecuteAsync has ended

        Assert.Equal(0, history.Loads);
    }

    private sealed class CountingHistory(TransactionBook book, TimeProvider time)
        : BookHistory("counting", book, time, NullLogger.Instance)
    {
        private int _loads;

        public int Loads => Volatile.Read(ref _loads);

        public override Task<int> RefreshAsync(CancellationToken cancellationToken) => Task.FromResult(Interlocked.Increment(ref _loads));

        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            RefreshWhileRunningAsync(TimeSpan.FromMinutes(1), RefreshAsync, _ => { }, stoppingToken);

        protected override void Take(ChangeBatch<TrackedTransaction> changed)
        {
        }
    }
}
