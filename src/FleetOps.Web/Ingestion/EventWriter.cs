using System.Data.Common;
using System.Threading.Channels;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Background;
using FleetOps.Web.Cluster;
using FleetOps.Web.Live;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// The one writer of telemetry. Requests queue their events in a bounded channel; the writer drains
/// whatever is waiting, writes it all in one transaction (group commit), and only after the commit
/// publishes the new fleet state and answers the requests. So a 200 always means "committed", and
/// throughput comes from batching many requests per fsync instead of skipping the fsync.
/// The hot path uses one prepared INSERT ... ON CONFLICT DO NOTHING per power or transaction event, and one merging
/// upsert per terminal-hour for the commit's heartbeats (<see cref="HeartbeatRollup"/>), on the writer's own connection
/// (measured several times faster than EF SaveChanges, which also cannot ignore duplicates). On PostgreSQL those
/// statements travel in batches, two round trips per commit, the second carrying the COMMIT (<see cref="WriterCommands"/>);
/// a commit of lone heartbeats is tried first as one statement that assumes each is new (<see cref="PostgresHeartbeatCommit"/>),
/// and while requests keep coming the writer waits a moment for a commit as large as the last (<see cref="CommitGathering"/>).
/// A request whose data the database refuses is isolated: the commit is rolled back and retried in halves until the
/// refused request stands alone, so it alone gets 503 and every other request of the group is committed and answered.
/// In a cluster (<see cref="ChangeFanOut"/>) each commit also announces its accepted events to the other nodes, in the
/// same transaction (<c>NodeChanges</c> + NOTIFY); what they mean in memory is <see cref="TelemetryDerivation"/>'s to say.
/// </summary>
public sealed partial class EventWriter(
    FleetDbContextFactory databases,
    TelemetryDerivation derivation,
    ChangeFanOut fanOut,
    IngestStatistics statistics,
    TimeProvider time,
    ILogger<EventWriter> logger) : BackgroundService
{
    private const int MaxEventsPerCommit = 4000;
    private static readonly TimeSpan EnqueueTimeout = TimeSpan.FromSeconds(2);

    private Task? _drain;
    private readonly Channel<PendingWrite> _queue = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(20_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    // Used by the writer loop only.
    private DbConnection? _connection;
    private WriterCommands? _commands;
    private readonly HashSet<string> _loneTerminals = new(StringComparer.Ordinal);
    private readonly WriterOutageLog _outages = new(time, logger);

    /// <summary>The spell in which the database does not take telemetry, while it lasts; null while commits succeed.</summary>
    public WriterOutage? Outage => _outages.Current;

    /// <summary>Requests waiting for the writer to take them into a commit (how far the database is behind the load).</summary>
    public int QueuedRequests => _queue.Reader.Count;

    /// <summary>Queues events for the next commit and waits for it.</summary>
    public async Task<IngestResult> WriteAsync(string terminalId, IReadOnlyList<TelemetryEvent> events, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(terminalId, events, time.GetUtcNow());
        // The queue nearly always has room: queue at once, without the linked token source and timer per request that
        // waiting for room needs.
        if (_queue.Writer.TryWrite(pending)) return await pending.Completion.Task;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(EnqueueTimeout);
        try
        {
            await _queue.Writer.WriteAsync(pending, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StorageUnavailableException("The event queue is full.");
        }
        catch (ChannelClosedException)
        {
            throw new StorageUnavailableException("The server is shutting down.");
        }
        // Not cancellable on purpose: once queued the events may be committed, and the caller must learn the outcome.
        return await pending.Completion.Task;
    }

    /// <summary>
    /// The writer runs on a thread of its own and waits there for requests: its reads and commits are synchronous (SQLite's
    /// fsync, PostgreSQL's round trips), and on a pool worker they held one of the two workers a two-core server has
    /// whenever ingest was busy, and hopped to another worker each time the queue ran dry.
    /// <para>
    /// Started in <see cref="StartAsync"/>, not in ExecuteAsync: .NET 10 runs ExecuteAsync on the pool, later than the start
    /// (a starved pool at start-up delayed the first commits) and not at all when the host stops at once — then requests
    /// already queued were never answered.
    /// </para>
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _drain = OffThePool.RunAsync(() =>
        {
            Drain();
            return Task.CompletedTask;
        });
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _drain ?? Task.CompletedTask;

    private void Drain()
    {
        var batch = new List<PendingWrite>();
        try
        {
            var gathering = new CommitGathering(databases.Provider == DatabaseProvider.Postgres
                ? TimeSpan.FromMicroseconds(databases.Options.PostgresGatherMicroseconds)
                : TimeSpan.Zero);
            Func<int> queued = () => _queue.Reader.Count; // one delegate for the writer's life, not one per commit
            while (WaitForWrites())
            {
                gathering.Wait(queued);
                batch.Clear();
                var events = 0;
                while (events < MaxEventsPerCommit && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    events += next.Events.Count;
                }
                if (_connection is null)
                {
                    try
                    {
                        _connection = OpenAsync().GetAwaiter().GetResult();
                        _commands = new WriterCommands(_connection, databases.Provider, fanOut.Enabled, groupCommit: true);
                    }
                    catch (Exception ex) when (ex is DbException or InvalidOperationException)
                    {
                        GiveUp(batch, ex);
                        continue;
                    }
                }
                WriteIsolatingRefusals(batch);
                gathering.Committed(batch.Count);
            }
        }
        finally
        {
            CloseConnection();
        }
    }

    /// <summary>Blocks the writer's own thread until requests are queued; false once the queue is closed and empty.</summary>
    private bool WaitForWrites()
    {
        var ready = _queue.Reader.WaitToReadAsync(CancellationToken.None);
        return ready.IsCompletedSuccessfully ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Let queued requests finish: they may already have been told nothing yet, and their events are valid.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        // base.StopAsync waited for ExecuteAsync, which never ran if the host stopped at once; the drain answers every queued request.
        if (_drain is { } drain) await Task.WhenAny(drain, Task.Delay(Timeout.Infinite, cancellationToken));
    }

    /// <summary>
    /// Commits the batch in one transaction; when the database refuses it, commits the halves on their own, and so on,
    /// until each refused request stands alone (about 2·log₂(n) extra attempts for one bad request among n). Each part
    /// is published before the next is attempted, because the next part builds its snapshots on the published state.
    /// </summary>
    private void WriteIsolatingRefusals(List<PendingWrite> batch)
    {
        var parts = new Stack<ArraySegment<PendingWrite>>();
        parts.Push(batch.ToArray());
        while (parts.TryPop(out var part))
        {
            // From reading the current snapshots to publishing the new ones, the change follower must not publish.
            lock (derivation.Gate) WriteAndPublish(part, parts);
            if (_connection is null) return; // the database is down: everybody was answered
        }
    }

    private void WriteAndPublish(ArraySegment<PendingWrite> part, Stack<ArraySegment<PendingWrite>> parts)
    {
        Committed committed;
        try
        {
            committed = Commit(_connection!, _commands!, part);
        }
        catch (Exception ex)
        {
            // Every exception of an attempt is caught: the writer must outlive whatever one request's data trips.
            if (WriteFailure.MeansDatabaseDown(ex, _connection!))
            {
                GiveUp([.. part, .. parts.SelectMany(p => p)], ex);
                return;
            }
            if (part.Count > 1)
            {
                var half = part.Count / 2;
                parts.Push(part[half..]);
                parts.Push(part[..half]);
                return;
            }
            LogWriteRefused(part[0].TerminalId, part[0].Events.Count, WriteFailure.Describe(ex));
            part[0].Completion.TrySetException(new StorageUnavailableException("The database did not accept the events.", ex));
            return;
        }
        Publish(part, committed);
    }

    /// <summary>The database cannot be used: everybody waiting gets 503 at once, and the next batch opens a new connection.</summary>
    private void GiveUp(IReadOnlyList<PendingWrite> writes, Exception exception)
    {
        // Two nodes committing the same terminals can deadlock (or fail serialisation): PostgreSQL aborts one commit and is
        // otherwise fine. Counted as an outage, it made the node unready for 15 s and its balancer took it out — the
        // cluster's kill -9 test then saw no node take telemetry. Those requests still get 503 and are resent.
        if (WriteFailure.IsConflict(exception)) LogCommitConflict(writes.Count, WriteFailure.Describe(exception));
        else _outages.Failed(writes.Count, WriteFailure.Reason(exception));
        foreach (var write in writes)
        {
            write.Completion.TrySetException(new StorageUnavailableException("The database did not accept the events.", exception));
        }
        CloseConnection();
    }

    private void CloseConnection()
    {
        _commands?.Dispose();
        _connection?.Dispose();
        _commands = null;
        _connection = null;
    }

    /// <summary>
    /// Writes the requests in one transaction and commits it. Nothing in memory is changed here: the snapshots and
    /// records are built aside and returned, so a refused attempt leaves no trace but its rollback.
    /// </summary>
    private Committed Commit(DbConnection connection, WriterCommands commands, IReadOnlyList<PendingWrite> writes)
    {
        if (commands.LoneHeartbeats is { } atOnce && AreLoneHeartbeats(writes) && CommitAtOnce(commands, atOnce, writes) is { } done) return done;
        var committed = new Committed(writes.Count);
        var transaction = connection.BeginTransaction();
        try
        {
            commands.Enlist(transaction);
            // All events first, so a commit's heartbeats merge per terminal-hour across its requests; then the outcomes,
            // read back in the same order.
            foreach (var write in writes)
            {
                foreach (var e in write.Events) commands.Stage(write.TerminalId, e, write.ReceivedAt);
            }
            commands.FlushHeartbeats();
            var staged = 0;
            for (var i = 0; i < writes.Count; i++) Write(commands, writes[i], i, committed, ref staged);
            foreach (var snapshot in committed.Derived.Snapshots.Values) commands.UpdateLatestState(snapshot);
            var now = time.GetUtcNow();
            foreach (var (record, store) in committed.Derived.Transactions.Values) commands.UpsertTransaction(record, store, now);
            if (committed.Announced.Count > 0) commands.Announce(fanOut.Node, ChangeFanOut.TelemetryKind, TelemetryChange.Serialize(committed.Announced), now);
            if (!commands.WriteQueuedAndCommit()) transaction.Commit();
            return committed;
        }
        catch
        {
            RollBack(transaction);
            throw;
        }
        finally
        {
            transaction.Dispose();
        }
    }

    /// <summary>True when every request is one heartbeat and no terminal sends two: what <see cref="PostgresHeartbeatCommit"/> takes.</summary>
    private bool AreLoneHeartbeats(IReadOnlyList<PendingWrite> writes)
    {
        _loneTerminals.Clear();
        foreach (var write in writes)
        {
            if (write.Events is not [HeartbeatEvent] || !_loneTerminals.Add(write.TerminalId)) return false;
        }
        return true;
    }

    /// <summary>
    /// Commits lone heartbeats in one statement, deriving as if each were new (<see cref="PostgresHeartbeatCommit"/>).
    /// </summary>
    /// <returns>what was committed; null when a heartbeat was a duplicate, nothing was stored, and the batches must decide</returns>
    private Committed? CommitAtOnce(WriterCommands commands, PostgresHeartbeatCommit atOnce, IReadOnlyList<PendingWrite> writes)
    {
        var committed = new Committed(writes.Count);
        atOnce.Clear();
        for (var i = 0; i < writes.Count; i++)
        {
            atOnce.AddHeartbeat(writes[i].TerminalId, (HeartbeatEvent)writes[i].Events[0]);
            Accept(commands, writes[i], writes[i].Events, i, committed);
        }
        foreach (var snapshot in committed.Derived.Snapshots.Values) atOnce.AddLatestState(snapshot);
        if (committed.Announced.Count > 0) atOnce.Announce(fanOut.Node, ChangeFanOut.TelemetryKind, TelemetryChange.Serialize(committed.Announced), time.GetUtcNow());
        return atOnce.TryCommit() ? committed : null;
    }

    private void Write(WriterCommands commands, PendingWrite write, int index, Committed committed, ref int staged)
    {
        var accepted = new List<TelemetryEvent>(write.Events.Count);
        foreach (var e in write.Events)
        {
            if (commands.IsNew(staged++)) accepted.Add(e);
        }
        Accept(commands, write, accepted, index, committed);
    }

    /// <summary>Records a request's accepted events in the attempt: its answer, its derived state and its announcement.</summary>
    private void Accept(WriterCommands commands, PendingWrite write, IReadOnlyList<TelemetryEvent> accepted, int index, Committed committed)
    {
        committed.Results[index] = new IngestResult(accepted.Count, write.Events.Count - accepted.Count);
        var store = derivation.Derive(committed.Derived, write.TerminalId, accepted, write.ReceivedAt, commands.LoadTransaction);
        if (store is null) return;
        if (accepted.Count > 0) committed.PerStore[store] = committed.PerStore.GetValueOrDefault(store) + accepted.Count;
        if (fanOut.Enabled) committed.Announced.Add(new TelemetryChange(write.TerminalId, write.ReceivedAt, accepted));
    }

    private void RollBack(DbTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // The connection is gone, or the database already rolled back; the caller judges the original failure.
            LogRollbackFailed(ex.GetType().Name);
        }
    }

    /// <summary>
    /// After COMMIT the events are durable, so nothing here may turn them into a 503 or keep them from the book. No
    /// subscriber runs here: the fleet and the book only hand their changes to their feeds (<see cref="FleetOps.Core.Live.ChangeFeed{TChange}"/>),
    /// which call subscribers on the thread pool. Each step is still guarded on its own, against a fault in the stores
    /// themselves, and the requests are answered 200 whatever happens.
    /// </summary>
    private void Publish(IReadOnlyList<PendingWrite> writes, Committed committed)
    {
        _outages.Succeeded();
        derivation.Publish(committed.Derived, AfterCommit);
        AfterCommit("ingest statistics", () => statistics.RecordCommitted(committed.PerStore, time.GetUtcNow()));
        for (var i = 0; i < writes.Count; i++) writes[i].Completion.TrySetResult(committed.Results[i]);
    }

    private void AfterCommit(string step, Action publish)
    {
        try
        {
            publish();
        }
        catch (Exception ex)
        {
            LogPublishFailed(ex, step);
        }
    }

    private async Task<DbConnection> OpenAsync()
    {
        var connection = databases.CreateWriterConnection();
        await connection.OpenAsync();
        if (databases.Provider == DatabaseProvider.Sqlite)
        {
            // synchronous=FULL: an acknowledged event survives power loss, not only a process crash. The checkpoint runs
            // here, inside the commit that fills the log, so that its sync of the database file never overlaps the
            // writer's own sync of the log (DatabaseOptions.WalCheckpointPages).
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; " +
                $"PRAGMA wal_autocheckpoint={databases.Options.WalCheckpointPages};";
            await pragma.ExecuteNonQueryAsync();
        }
        return connection;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A telemetry commit of {Requests} requests conflicted with another node's ({Failure}); they get 503 and are resent")]
    private partial void LogCommitConflict(int requests, string failure);

    // The exception's message is left out on purpose: a refused value can be quoted in it.
    [LoggerMessage(Level = LogLevel.Warning, Message = "The database refused a telemetry request of terminal {TerminalId} ({Events} events): {Failure}; it gets 503, the other requests of its commit were written without it")]
    private partial void LogWriteRefused(string terminalId, int events, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rolling back a refused telemetry commit failed: {Failure}")]
    private partial void LogRollbackFailed(string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing committed telemetry to the {Step} failed; the events are stored and the requests are answered")]
    private partial void LogPublishFailed(Exception exception, string step);

    private sealed record PendingWrite(string TerminalId, IReadOnlyList<TelemetryEvent> Events, DateTimeOffset ReceivedAt)
    {
        public TaskCompletionSource<IngestResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>What one attempt wrote, kept aside until its commit succeeds; thrown away with a rollback.</summary>
    private sealed class Committed(int requests)
    {
        public IngestResult[] Results { get; } = new IngestResult[requests];
        public DerivedChanges Derived { get; } = new();
        public List<TelemetryChange> Announced { get; } = [];
        public Dictionary<string, int> PerStore { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
