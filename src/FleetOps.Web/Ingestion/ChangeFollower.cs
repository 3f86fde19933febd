using System.Data;
using System.Data.Common;
using System.Text.Json;
using FleetOps.Web.Cluster;
using FleetOps.Web.Fleet;
using FleetOps.Web.Live;
using FleetOps.Web.Persistence;
using Npgsql;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// Applies what other nodes committed to this node's memory. One dedicated connection LISTENs on
/// <see cref="ChangeFanOut.Channel"/> and carries the reads too; on a notification, and every second anyway (a lost
/// notification or a dropped connection must leave no gap), the rows above the cursor are read, this node's own
/// skipped, and the rest applied through the writer's own derivation (<see cref="TelemetryDerivation"/>); registrations
/// are read back from their rows (<see cref="FleetRegistry.ReloadAsync"/>), and a book's change by that book's
/// <see cref="BookFollower"/>, which re-reads the rows it names. Rows are applied in id order. Applying twice is
/// harmless (events carry ids), so the cursor errs towards re-reading. Also deletes rows older than an hour, once a minute (any node may).
/// </summary>
public sealed partial class ChangeFollower(
    ChangeFanOut fanOut,
    FleetDbContextFactory databases,
    TelemetryDerivation derivation,
    FleetRegistry registry,
    IEnumerable<BookFollower> books,
    IngestStatistics statistics,
    TimeProvider time,
    ILogger<ChangeFollower> logger) : BackgroundService
{
    private const int RowsPerRead = 500;
    private static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReadEveryWhileHoles = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, BookFollower> _books = books.ToDictionary(b => b.Kind, StringComparer.Ordinal);
    private ChangeCursor? _cursor;
    private NpgsqlConnection? _listener;
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;
    private readonly OutageLog _reads = new(time);
    private bool _notified; // a notification was handled since the last read began (set by the listener's handler)

    /// <summary>The application name of the listening connection (operators and tests find it in pg_stat_activity).</summary>
    public string ListenerName => $"fleetops-follow-{fanOut.Node}";

    /// <summary>
    /// Called before the state is loaded from the database: later rows are applied after the load, harmless if the load
    /// saw them too. Starts at the first row of the last <see cref="ChangeCursor.Grace"/>, not at the highest id, since a
    /// smaller id committed later than the load's snapshot would otherwise be skipped.
    /// </summary>
    public async Task MarkStartAsync(CancellationToken cancellationToken)
    {
        if (!fanOut.Enabled) return;
        await using var connection = databases.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT COALESCE((SELECT MIN("Id") - 1 FROM "NodeChanges" WHERE "AtMs" >= @since),
                            (SELECT MAX("Id") FROM "NodeChanges"), 0)
            """;
        CommandParameters.Add(command, "@since");
        command.Parameters[0].Value = (time.GetUtcNow() - ChangeCursor.Grace).ToUnixTimeMilliseconds();
        var low = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        _cursor = new ChangeCursor(low, time);
        LogFollowing(fanOut.Node, low);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_cursor is not { } cursor) return; // alone, or the start-up never got this far
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(stoppingToken);
                    _notified = false;
                    while (await ReadAsync(cursor, stoppingToken) == RowsPerRead) { } // a backlog: read on at once
                    await PruneAsync(stoppingToken);
                    if (_reads.Succeeded() is { } ended) LogReadingAgain(ended.Since);
                }
                catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException && !stoppingToken.IsCancellationRequested)
                {
                    ReadFailed(ex);
                    DropListener();
                }
                await WaitAsync(cursor.HasHoles ? ReadEveryWhileHoles : ReadEvery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            DropListener();
        }
    }

    /// <summary>Logged when a spell of failed reads begins and once a minute while it lasts: the loop tries every second.</summary>
    private void ReadFailed(Exception exception)
    {
        if (_reads.Failed() is not { } notice) return;
        var reason = DatabaseFailure.Describe(exception);
        if (notice.Kind == OutageNoticeKind.Began) LogReadFailed(reason);
        else LogStillReadFailing(notice.Since, notice.Failures, reason);
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        if (_listener is { State: ConnectionState.Open }) return;
        DropListener();
        var address = new NpgsqlConnectionStringBuilder(databases.Options.ConnectionString)
        {
            ApplicationName = ListenerName,
            Pooling = false, // a LISTENing session must not be handed to anyone else
        };
        var listener = new NpgsqlConnection(address.ConnectionString);
        try
        {
            await listener.OpenAsync(cancellationToken);
            // The reads run on this connection too, and a notification that arrives during one is handled there, not by
            // the next wait: remember it, so that the wait does not sleep through a commit the read may have missed.
            listener.Notification += (_, _) => _notified = true;
            await using var listen = new NpgsqlCommand($"LISTEN {ChangeFanOut.Channel}", listener);
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await listener.DisposeAsync();
            throw;
        }
        _listener = listener;
    }

    /// <summary>Until a notification arrives or <paramref name="interval"/> passes; a broken listener is dropped and reopened.</summary>
    private async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        // A poll interval on the wire, not a domain time: real time even under a test's fake clock, which would stop it.
        if (_listener is null)
        {
            await Task.Delay(interval, cancellationToken);
            return;
        }
        if (_notified) return;
        try
        {
            await _listener.WaitAsync(interval, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException && !cancellationToken.IsCancellationRequested)
        {
            LogListenerLost(ex.GetType().Name);
            DropListener();
        }
    }

    /// <returns>the number of rows read</returns>
    private async Task<int> ReadAsync(ChangeCursor cursor, CancellationToken cancellationToken)
    {
        // On the listening connection, kept open: a pooled connection per read was reset when returned (a DISCARD ALL per
        // read — about one per request with two nodes ingesting, docs/benchmarks.md "Ingest on one node and on two").
        var connection = _listener ?? throw new InvalidOperationException("The change listener is not connected.");
        var rows = new List<(long Id, string Node, string Kind, string Payload)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"""SELECT "Id", "Node", "Kind", "Payload" FROM "NodeChanges" WHERE "Id" > @low ORDER BY "Id" LIMIT {RowsPerRead}""";
            CommandParameters.Add(read, "@low");
            read.Parameters[0].Value = cursor.Low;
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        var telemetry = new List<TelemetryChange>();
        var applied = new List<long>(rows.Count);
        try
        {
            foreach (var row in rows)
            {
                if (!cursor.See(row.Id)) continue;
                applied.Add(row.Id);
                if (row.Node != fanOut.Node) await ApplyAsync(connection, row.Id, row.Kind, row.Payload, telemetry, cancellationToken);
            }
            ApplyTelemetry(connection, telemetry);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // Not applied (the database failed under a reload): read these rows again next time. Twice is harmless.
            foreach (var id in applied) cursor.Unsee(id);
            throw;
        }
        cursor.Advance();
        return rows.Count;
    }

    /// <summary>Applies one row; telemetry is gathered and applied in one go, before the next registration or at the end.</summary>
    private async Task ApplyAsync(DbConnection connection, long id, string kind, string payload, List<TelemetryChange> telemetry,
        CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case ChangeFanOut.TelemetryKind:
                if (Parsed(id, () => TelemetryChange.Parse(payload)) is { } events) telemetry.AddRange(events);
                break;
            case ChangeFanOut.RegistrationKind:
                // In order: a terminal's first events come after its registration and need it in the fleet.
                ApplyTelemetry(connection, telemetry);
                if (Parsed(id, () => RegistrationChange.Parse(payload)) is { } registration) await registry.ReloadAsync(registration, cancellationToken);
                break;
            case var _ when _books.TryGetValue(kind, out var book):
                // In order too: an alert resolved by a sale's settlement, or a case auto-resolved, follows that telemetry.
                ApplyTelemetry(connection, telemetry);
                if (Parsed(id, () => BookChange.Parse(payload)) is { } change) await ApplyBookAsync(book, change, cancellationToken);
                break;
            // Another kind comes from a newer node; this node's own reload at its next start covers it.
        }
    }

    /// <summary>
    /// A database failure is thrown on (the rows are read again next time); any other failure is logged and the row skipped,
    /// like a bad payload: that book then holds an older row until the next change of it or the next start.
    /// </summary>
    private async Task ApplyBookAsync(BookFollower book, BookChange change, CancellationToken cancellationToken)
    {
        try
        {
            await book.ApplyAsync(change, cancellationToken);
        }
        catch (Exception ex) when (ex is not (DbException or InvalidOperationException or OperationCanceledException))
        {
            LogApplyFailed(ex, book.Kind);
        }
    }

    /// <summary>A payload this version cannot read is logged and skipped: retrying it would stop every row after it.</summary>
    private T? Parsed<T>(long id, Func<T> parse) where T : class
    {
        try
        {
            return parse();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            LogBadRow(id, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>Applies and empties <paramref name="telemetry"/>.</summary>
    private void ApplyTelemetry(DbConnection connection, List<TelemetryChange> telemetry)
    {
        if (telemetry.Count == 0) return;
        using var load = connection.CreateCommand();
        load.CommandText = WriterCommands.LoadTransactionSql;
        CommandParameters.Add(load, "@terminal", "@transaction");
        Core.Transactions.TransactionRecord? LoadTransaction(string terminalId, string transactionId)
        {
            load.Parameters[0].Value = terminalId;
            load.Parameters[1].Value = transactionId;
            return load.ExecuteScalar() is string json ? TransactionJson.Deserialize(json) : null;
        }
        var changes = new DerivedChanges();
        var perStore = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        // Like the writer: nobody publishes between reading the current snapshots and publishing the derived ones.
        lock (derivation.Gate)
        {
            foreach (var change in telemetry)
            {
                var store = derivation.Derive(changes, change.TerminalId, change.Events, change.ReceivedAt, LoadTransaction);
                if (store is not null && change.Events.Count > 0) perStore[store] = perStore.GetValueOrDefault(store) + change.Events.Count;
            }
            derivation.Publish(changes, Guard);
        }
        // Counted here too, or each node's chart showed only the events that reached it: half the fleet's with two nodes.
        Guard("ingest statistics", () => statistics.RecordCommitted(perStore, time.GetUtcNow()));
        telemetry.Clear();
    }

    private void Guard(string step, Action publish)
    {
        try
        {
            publish();
        }
        catch (Exception ex)
        {
            LogApplyFailed(ex, step);
        }
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _prunedAt < PruneEvery) return;
        _prunedAt = now;
        await using var connection = databases.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var prune = connection.CreateCommand();
        prune.CommandText = """DELETE FROM "NodeChanges" WHERE "AtMs" < @before""";
        CommandParameters.Add(prune, "@before");
        prune.Parameters[0].Value = (now - KeepFor).ToUnixTimeMilliseconds();
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }

    private void DropListener()
    {
        _listener?.Dispose();
        _listener = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} follows the other nodes' changes after change {Low}")]
    private partial void LogFollowing(string node, long low);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading other nodes' changes failed ({Reason}); retrying every second, said again once a minute while it lasts")]
    private partial void LogReadFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading other nodes' changes still fails since {Since:O} ({Reason}); {Reads} reads failed in the last minute")]
    private partial void LogStillReadFailing(DateTimeOffset since, long reads, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Other nodes' changes are read again; reading failed since {Since:O}")]
    private partial void LogReadingAgain(DateTimeOffset since);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change listener's connection was lost ({Failure}); it is reopened, and the periodic read covers the gap")]
    private partial void LogListenerLost(string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Change {Id} could not be read ({Failure}) and is skipped")]
    private partial void LogBadRow(long id, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying other nodes' changes to the {Step} failed")]
    private partial void LogApplyFailed(Exception exception, string step);
}
