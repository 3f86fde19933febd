using FleetOps.Web.Background;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>
/// Long synchronous work (a history's scan of the closed sales on SQLite, an alert evaluation over a cold fleet) held
/// thread-pool workers, and on two cores requests queued behind it: at start-up with 100,000 terminals the first
/// <c>/health/ready</c> came 2.8 s after the server listened. Such work now runs on a thread of its own.
/// </summary>
public sealed class OffThePoolTests
{
    [Fact]
    public async Task The_work_runs_outside_the_pool_and_its_result_and_failure_reach_the_caller()
    {
        bool? onPool = null;
        await OffThePool.RunAsync(() =>
        {
            onPool = Thread.CurrentThread.IsThreadPoolThread;
            return Task.CompletedTask;
        });
        Assert.False(onPool);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => OffThePool.RunAsync(() => throw new InvalidOperationException("scan failed")));
        Assert.Equal("scan failed", failure.Message);

        var late = await Assert.ThrowsAsync<InvalidOperationException>(() => OffThePool.RunAsync(async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("after a wait");
        }));
        Assert.Equal("after a wait", late.Message);
    }

    [Fact]
    public async Task A_periodic_refresh_scans_outside_the_pool_and_a_failed_one_is_reported_and_tried_again()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        using var stop = new CancellationTokenSource();
        var threads = new List<bool>();
        var failures = new List<Exception>();
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = PeriodicRefresh.RunAsync(TimeSpan.FromMinutes(5), time, _ =>
        {
            lock (threads)
            {
                threads.Add(Thread.CurrentThread.IsThreadPoolThread);
                if (threads.Count == 1) throw new InvalidOperationException("database away");
                second.TrySetResult();
            }
            return Task.CompletedTask;
        }, failures.Add, stop.Token);

        await Eventually.MatchesAsync(() => Task.FromResult(failures.Count), n => n == 1, "the first refresh to fail");
        time.Advance(TimeSpan.FromMinutes(5));
        await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([false, false], threads);
        Assert.Equal("database away", Assert.Single(failures).Message);
    }
}
