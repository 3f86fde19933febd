using System.Data;
using System.Data.Common;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using Npgsql;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// The event writer's prepared statements. Power and transaction events are inserted whole with ON CONFLICT DO NOTHING
/// (the same SQL on SQLite and PostgreSQL); heartbeats go to their roll-ups (<see cref="HeartbeatRollup"/>, whose
/// merging SQL differs slightly per provider). The writer stages a commit's events in order (<see cref="Stage"/>): power and
/// transaction events are inserted at once, heartbeats are queued and merged per terminal-hour by
/// <see cref="FlushHeartbeats"/>; then <see cref="IsNew"/> answers for each staged event.
/// <para>
/// With <c>groupCommit</c> on PostgreSQL nothing runs row by row: the staged inserts and heartbeat upserts go in one round
/// trip at <see cref="FlushHeartbeats"/> (<see cref="PostgresStatementBatch"/>), and latest states, transactions and the
/// announcement in another at <see cref="WriteQueuedAndCommit"/>, which carries the COMMIT too — two round trips per
/// commit, whatever it holds, where there were two per request (measured in docs/benchmarks.md, "PostgreSQL ingest against SQLite").
/// SQLite runs in the process and gains nothing from batching; its statements run at once as before.
/// </para>
/// </summary>
internal sealed class WriterCommands : IDisposable
{
    private readonly DbCommand _insert;
    private readonly DbCommand _update;
    private readonly DbCommand _upsertTransaction;
    private readonly DbCommand _loadTransaction;
    private readonly DbCommand? _announce;
    private readonly DbCommand? _notify;
    private readonly HeartbeatRollup _heartbeats;
    private readonly PostgresStatementBatch? _now;
    private readonly PostgresStatementBatch? _later;

    /// <summary>With group commit on PostgreSQL: the one-statement commit of lone heartbeats, tried before the batches.</summary>
    public PostgresHeartbeatCommit? LoneHeartbeats { get; }

    /// <summary>A closed transaction's stored record (the writer merges late events into it; so does the change follower).</summary>
    public const string LoadTransactionSql =
        """SELECT "RecordJson" FROM "Transactions" WHERE "TerminalId" = @terminal AND "TransactionId" = @transaction""";

    // Per staged event, in staging order: its heartbeat ticket, or -1 and its insert's ticket in the batch (-1 when it ran
    // at once) and whether the insert stored it.
    private readonly List<(int HeartbeatTicket, int InsertTicket, bool Inserted)> _staged = [];

    /// <param name="announce">in a cluster: prepare <see cref="Announce"/> (PostgreSQL only)</param>
    /// <param name="groupCommit">on PostgreSQL: send the commit's statements in batches (the event writer); without it every
    /// statement runs when called (the benchmark seeder, which commits on its own)</param>
    public WriterCommands(DbConnection connection, DatabaseProvider provider, bool announce = false, bool groupCommit = false)
    {
        if (groupCommit && connection is NpgsqlConnection postgres)
        {
            _now = new PostgresStatementBatch(postgres);
            _later = new PostgresStatementBatch(postgres);
            LoneHeartbeats = new PostgresHeartbeatCommit(postgres);
        }
        _heartbeats = new HeartbeatRollup(connection, provider, _now, _later);
        _insert = connection.CreateCommand();
        _insert.CommandText =
            """
            INSERT INTO "TelemetryEvents" ("TerminalId", "EventId", "Type", "AtMs", "ReceivedAtMs", "Detail", "Payload")
            VALUES (@terminal, @event, @type, @at, @received, @detail, @payload)
            ON CONFLICT ("TerminalId", "EventId") DO NOTHING
            """;
        CommandParameters.Add(_insert, "@terminal", "@event", "@type", "@at", "@received", "@detail", "@payload");

        _update = connection.CreateCommand();
        _update.CommandText = $"""UPDATE "Terminals" SET {LatestState.SetColumnsSql("@")} WHERE "TerminalId" = @terminal""";
        CommandParameters.Add(_update, "@seen", "@contact", "@app", "@firmware", "@state", "@terminal");

        _upsertTransaction = connection.CreateCommand();
        _upsertTransaction.CommandText =
            """
            INSERT INTO "Transactions" ("TerminalId", "TransactionId", "StoreCode", "AmountMinor", "Currency", "AuthorizedAtMs",
                "LastStage", "Closed", "ClosedAtMs", "RecordJson", "UpdatedAtMs", "Rrn", "AuthCode", "SettledAtMs")
            VALUES (@terminal, @transaction, @store, @amount, @currency, @authorized, @stage, @closed, @closedAt, @record, @updated,
                @rrn, @auth, @settledAt)
            ON CONFLICT ("TerminalId", "TransactionId") DO UPDATE SET
                "StoreCode" = excluded."StoreCode", "AmountMinor" = excluded."AmountMinor", "Currency" = excluded."Currency",
                "AuthorizedAtMs" = excluded."AuthorizedAtMs", "LastStage" = excluded."LastStage", "Closed" = excluded."Closed",
                "ClosedAtMs" = excluded."ClosedAtMs", "RecordJson" = excluded."RecordJson", "UpdatedAtMs" = excluded."UpdatedAtMs",
                "Rrn" = excluded."Rrn", "AuthCode" = excluded."AuthCode", "SettledAtMs" = excluded."SettledAtMs"
            """;
        CommandParameters.Add(_upsertTransaction, "@terminal", "@transaction", "@store", "@amount", "@currency", "@authorized",
            "@stage", "@closed", "@closedAt", "@record", "@updated", "@rrn", "@auth", "@settledAt");

        _loadTransaction = connection.CreateCommand();
        _loadTransaction.CommandText = LoadTransactionSql;
        CommandParameters.Add(_loadTransaction, "@terminal", "@transaction");

        if (!announce) return;
        _announce = connection.CreateCommand();
        _announce.CommandText = $"{NodeChangeRow.InsertSql} VALUES (@node, @kind, @payload, @at)";
        CommandParameters.Add(_announce, "@node", "@kind", "@payload", "@at");
        // NOTIFY inside the transaction is delivered at COMMIT, and not at all after a rollback, like the row itself. A
        // statement of its own: a batch holds one statement per command.
        _notify = connection.CreateCommand();
        _notify.CommandText = $"NOTIFY {Cluster.ChangeFanOut.Channel}";
    }

    public void Enlist(DbTransaction transaction)
    {
        _insert.Transaction = transaction;
        _update.Transaction = transaction;
        _upsertTransaction.Transaction = transaction;
        _loadTransaction.Transaction = transaction;
        if (_announce is not null) _announce.Transaction = transaction;
        if (_notify is not null) _notify.Transaction = transaction;
        _now?.Enlist(transaction);
        _later?.Enlist(transaction);
        _heartbeats.Enlist(transaction);
        _staged.Clear();
    }

    /// <summary>Stages one event of the commit; its outcome is <see cref="IsNew"/> of its staging index after <see cref="FlushHeartbeats"/>.</summary>
    public void Stage(string terminalId, TelemetryEvent e, DateTimeOffset receivedAt)
    {
        if (e is HeartbeatEvent heartbeat) _staged.Add((_heartbeats.Queue(terminalId, heartbeat), -1, false));
        else if (_now is null) _staged.Add((-1, -1, InsertEvent(terminalId, e, receivedAt)));
        else _staged.Add((-1, _now.Add(SetInsert(terminalId, e, receivedAt)), false));
    }

    /// <summary>Writes the staged events (on PostgreSQL with group commit: all of them, in one round trip).</summary>
    public void FlushHeartbeats() => _heartbeats.Flush();

    /// <returns>true when the staged event was new; false when this terminal already sent an event with its id.</returns>
    public bool IsNew(int stagingIndex)
    {
        var (ticket, insertTicket, inserted) = _staged[stagingIndex];
        if (ticket >= 0) return _heartbeats.IsNew(ticket);
        return insertTicket >= 0 ? _now!.Rows(insertTicket) == 1 : inserted;
    }

    /// <summary>
    /// Runs what the commit queued (latest states, transactions, the announcement) and, on PostgreSQL with group commit,
    /// the COMMIT itself in the same round trip: a commit of single heartbeats then costs two round trips, not three.
    /// When a queued statement fails, PostgreSQL skips the rest of the batch, the COMMIT with it, and the transaction
    /// stays open and failed for the caller's rollback.
    /// </summary>
    /// <returns>true when the transaction was committed here; false when the caller commits it (SQLite)</returns>
    public bool WriteQueuedAndCommit()
    {
        if (_later is null) return false;
        _later.AddCommit();
        _later.Execute();
        return true;
    }

    /// <summary>Stores one event at once (heartbeats with the per-heartbeat upsert): for the benchmark seeder.</summary>
    /// <returns>true when the event is new; false when this terminal already sent an event with this id.</returns>
    public bool InsertEvent(string terminalId, TelemetryEvent e, DateTimeOffset receivedAt) =>
        e is HeartbeatEvent heartbeat ? _heartbeats.Add(terminalId, heartbeat) : SetInsert(terminalId, e, receivedAt).ExecuteNonQuery() == 1;

    private DbCommand SetInsert(string terminalId, TelemetryEvent e, DateTimeOffset receivedAt)
    {
        var p = _insert.Parameters;
        p[0].Value = terminalId;
        p[1].Value = e.Id;
        p[2].Value = e.Type.ToWire();
        p[3].Value = e.At.ToUnixTimeMilliseconds();
        p[4].Value = receivedAt.ToUnixTimeMilliseconds();
        p[5].Value = e.Detail;
        p[6].Value = TelemetryJson.Serialize(e);
        return _insert;
    }

    /// <summary>Runs the command now, or queues it for <see cref="WriteQueuedAndCommit"/> with group commit on PostgreSQL.</summary>
    private void Run(DbCommand command)
    {
        if (_later is null) command.ExecuteNonQuery();
        else _later.Add(command);
    }

    public void UpdateLatestState(TerminalSnapshot snapshot)
    {
        var (seen, contact, app, firmware, json) = LatestState.Columns(snapshot);
        var p = _update.Parameters;
        p[0].Value = (object?)seen ?? DBNull.Value;
        p[1].Value = (object?)contact ?? DBNull.Value;
        p[2].Value = (object?)app ?? DBNull.Value;
        p[3].Value = (object?)firmware ?? DBNull.Value;
        p[4].Value = json;
        p[5].Value = snapshot.TerminalId;
        Run(_update);
    }

    /// <summary>A transaction the in-memory book no longer holds (closed earlier): read it back to merge a late event.</summary>
    public TransactionRecord? LoadTransaction(string terminalId, string transactionId)
    {
        _loadTransaction.Parameters[0].Value = terminalId;
        _loadTransaction.Parameters[1].Value = transactionId;
        return _loadTransaction.ExecuteScalar() is string json ? TransactionJson.Deserialize(json) : null;
    }

    /// <summary>Announces the commit to the other nodes: one <c>NodeChanges</c> row and a notification.</summary>
    public void Announce(string node, string kind, string payload, DateTimeOffset now)
    {
        var p = _announce!.Parameters;
        p[0].Value = node;
        p[1].Value = kind;
        p[2].Value = payload;
        p[3].Value = now.ToUnixTimeMilliseconds();
        Run(_announce);
        Run(_notify!);
    }

    public void UpsertTransaction(TransactionRecord record, string storeCode, DateTimeOffset now)
    {
        var p = _upsertTransaction.Parameters;
        p[0].Value = record.TerminalId;
        p[1].Value = record.TransactionId;
        p[2].Value = storeCode;
        p[3].Value = record.AmountMinor;
        p[4].Value = record.Currency;
        p[5].Value = record.AuthorizedAt.ToUnixTimeMilliseconds();
        p[6].Value = record.LastStage.ToWire();
        p[7].Value = record.IsClosed;
        p[8].Value = record.IsClosed ? (object)record.Stages.Where(s => s.Stage is TransactionStage.Settled or TransactionStage.Reversed
                or TransactionStage.Voided or TransactionStage.Declined).Min(s => s.At).ToUnixTimeMilliseconds() : DBNull.Value;
        p[9].Value = TransactionJson.Serialize(record);
        p[10].Value = now.ToUnixTimeMilliseconds();
        // What reconciliation matches on, as columns (issue 16): reading a million sales' JSON took most of an import.
        p[11].Value = (object?)record.Rrn ?? DBNull.Value;
        p[12].Value = (object?)record.AuthCode ?? DBNull.Value;
        p[13].Value = (object?)record.At(TransactionStage.Settled)?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        Run(_upsertTransaction);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
        _upsertTransaction.Dispose();
        _loadTransaction.Dispose();
        _announce?.Dispose();
        _notify?.Dispose();
        _heartbeats.Dispose();
        _now?.Dispose();
        _later?.Dispose();
        LoneHeartbeats?.Dispose();
    }
}
