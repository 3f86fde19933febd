using System.Diagnostics;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// Holds the event writer back for a moment before a PostgreSQL commit while requests keep coming, so that each commit
/// carries more of them. A PostgreSQL commit has a fixed price whatever it holds — measured on the single-heartbeat load
/// (docs/benchmarks.md): ~180 µs of the database's CPU per commit (its WAL flush, starting the statement's executor, the
/// round trip) against ~17 µs per heartbeat — and in a cluster that database is the one resource every node shares.
/// <para>
/// The rule: after a commit of two requests or more, the next commit waits until as many are queued again, or until the
/// window has passed. After a lone request (a quiet fleet) nothing waits, so a heartbeat at rest is committed at once.
/// The writer yields its core while it waits rather than sleeping: the requests it waits for need that core to arrive,
/// and a sleep cannot be shorter than a millisecond here (measured: a blocking wait of 1 ms formed commits of nine
/// requests out of ten connections but left the cores idle and lost throughput; the yielding wait gained it).
/// SQLite is not held back: its commit runs inside the process, and the same wait showed it no gain.
/// </para>
/// </summary>
internal sealed class CommitGathering
{
    private readonly long _windowTicks;
    private readonly Func<long> _clock;
    private int _lastGroup;

    /// <param name="window">the longest wait; zero turns gathering off</param>
    /// <param name="clock">a <see cref="Stopwatch"/> timestamp: the wait is about the machine's time, not the fleet's clock</param>
    public CommitGathering(TimeSpan window, Func<long>? clock = null)
    {
        _windowTicks = (long)(window.TotalSeconds * Stopwatch.Frequency);
        _clock = clock ?? Stopwatch.GetTimestamp;
    }

    /// <summary>Waits, if the last commit says requests come in groups, until the queue holds as many or the window ends.</summary>
    /// <param name="queuedRequests">how many requests are queued now</param>
    /// <returns>the requests queued when the wait ended</returns>
    public int Wait(Func<int> queuedRequests)
    {
        var queued = queuedRequests();
        // The writer asks once a request is queued, so after a lone request (or none yet) nothing waits.
        if (_windowTicks == 0 || queued >= _lastGroup) return queued;
        var until = _clock() + _windowTicks;
        while (queued < _lastGroup && _clock() < until)
        {
            Thread.Yield();
            queued = queuedRequests();
        }
        return queued;
    }

    /// <summary>Tells how many requests the commit that just ran carried.</summary>
    public void Committed(int requests) => _lastGroup = requests;
}
