namespace FleetOps.Web.Background;

/// <summary>
/// Runs a long synchronous stretch of work — a history's scan of the closed sales, an alert evaluation over a cold fleet, a
/// settlement report's import —
/// on a thread of its own instead of a thread-pool worker. On two cores the pool keeps two workers, and SQLite's reads
/// complete synchronously under their async API, so a scan of seconds holds a worker throughout. With two such jobs at once
/// every request queued until the pool's starvation rule added a worker, about one each half second: at start-up with
/// 100,000 terminals the first <c>/health/ready</c> answered 2.8 s after the server listened (docs/benchmarks.md).
/// Only the part before the work's first truly asynchronous wait runs on the thread; what follows such a wait (a
/// PostgreSQL read) continues on the pool as usual.
/// </summary>
public static class OffThePool
{
    public static Task RunAsync(Func<Task> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <summary>The same for work with a result (an import run from a page, whose circuit must stay free to render its bar).</summary>
    public static Task<T> RunAsync<T>(Func<Task<T>> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
}
