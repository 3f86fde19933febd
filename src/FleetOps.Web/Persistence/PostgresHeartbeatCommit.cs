using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace FleetOps.Web.Persistence;

/// <summary>
/// The commonest commit on PostgreSQL — lone heartbeats, at most one per terminal — as ONE statement in one round trip,
/// with no transaction around it: every table it writes is a data-modifying CTE of the same statement, fed by arrays
/// (<c>unnest</c>), so PostgreSQL commits it on its own. The group commit's batches need two round trips, BEGIN and
/// COMMIT, and a statement per row; and Npgsql writes each statement of a batch after the first on a thread-pool worker
/// when its caller is synchronous, as the event writer is (<c>NpgsqlCommand.ShouldSchedule</c>, against a send/receive
/// deadlock: npgsql#641) — a hand-off per round trip that profiling showed as most of PostgreSQL's extra CPU per request.
/// <para>
/// It is optimistic: the caller derives the latest states as if every heartbeat were new, which it nearly always is
/// (a duplicate is a terminal's resend after a lost answer). If one is not, the statement raises an error at its end and
/// nothing of it is stored; <see cref="TryCommit"/> answers false and the caller commits the same requests the careful
/// way, which decides each heartbeat first. Duplicates are judged by the same upsert as there
/// (<see cref="HeartbeatRollup.HourUpsertSql"/>), so concurrent writers on other nodes are handled the same way.
/// </para>
/// </summary>
internal sealed class PostgresHeartbeatCommit : IDisposable
{
    // Raised by the statement when a heartbeat was a duplicate; a text that cannot be read as a number, so the cast fails.
    private const string DuplicateMark = "duplicate heartbeat in a one-statement commit";

    private readonly NpgsqlCommand _command;
    private readonly List<IColumn> _columns = [];

    // The heartbeats, one row each.
    private readonly Column<string> _terminals, _versions, _boots;
    private readonly Column<long> _hours, _ats;
    private readonly Column<int?> _batteries;
    private readonly Column<byte[]> _ids;

    // The latest states, one row per terminal.
    private readonly Column<string> _stateTerminals, _states;
    private readonly Column<long?> _seen, _contact;
    private readonly Column<string?> _apps, _firmwares;

    // The announcement to the other nodes (all NULL: none).
    private readonly NpgsqlParameter _node, _kind, _payload, _at;
    private readonly NpgsqlParameter[] _announcement;

    public PostgresHeartbeatCommit(NpgsqlConnection connection)
    {
        const DatabaseProvider postgres = DatabaseProvider.Postgres;
        _command = connection.CreateCommand();
        _command.CommandText = $"""
            WITH beat AS (
                SELECT * FROM unnest(@terminals, @hours, @ats, @batteries, @versions, @ids, @boots)
                    AS b(terminal, hour, at, battery, versions, id, boot)
            ),
            hour AS (
                {HeartbeatRollup.HourUpsertSql(postgres, "SELECT hour, terminal, 1, at, at, battery, battery, versions, id FROM beat")}
                RETURNING 1
            ),
            boot AS (
                {HeartbeatRollup.BootUpsertSql(postgres, "SELECT terminal, boot, at, at FROM beat")}
            ),
            state AS (
                UPDATE "Terminals" AS t SET {LatestState.SetColumnsSql("s.")}
                FROM unnest(@stateTerminals, @seen, @contact, @apps, @firmwares, @states) AS s(terminal, seen, contact, app, firmware, state)
                WHERE t."TerminalId" = s.terminal
            ),
            change AS (
                {NodeChangeRow.InsertSql}
                SELECT @node, @kind, @payload, @at WHERE @payload IS NOT NULL
                RETURNING 1
            )
            SELECT CASE WHEN (SELECT count(*) FROM hour) = cardinality(@terminals)
                THEN (SELECT count(pg_notify('{Cluster.ChangeFanOut.Channel}', '')) FROM change)
                ELSE ('{DuplicateMark}: ' || (SELECT count(*) FROM hour))::integer END
            """;
        // In the order of the columns in the statement's unnest; the names are the statement's parameters.
        _terminals = Array<string>("terminals", NpgsqlDbType.Text);
        _hours = Array<long>("hours", NpgsqlDbType.Bigint);
        _ats = Array<long>("ats", NpgsqlDbType.Bigint);
        _batteries = Array<int?>("batteries", NpgsqlDbType.Integer);
        _versions = Array<string>("versions", NpgsqlDbType.Text);
        _ids = Array<byte[]>("ids", NpgsqlDbType.Bytea);
        _boots = Array<string>("boots", NpgsqlDbType.Text);
        _stateTerminals = Array<string>("stateTerminals", NpgsqlDbType.Text);
        _seen = Array<long?>("seen", NpgsqlDbType.Bigint);
        _contact = Array<long?>("contact", NpgsqlDbType.Bigint);
        _apps = Array<string?>("apps", NpgsqlDbType.Text);
        _firmwares = Array<string?>("firmwares", NpgsqlDbType.Text);
        _states = Array<string>("states", NpgsqlDbType.Text);
        _node = _command.Parameters.Add(new NpgsqlParameter("node", NpgsqlDbType.Text));
        _kind = _command.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text));
        _payload = _command.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Text));
        _at = _command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.Bigint));
        _announcement = [_node, _kind, _payload, _at];
    }

    private Column<T> Array<T>(string name, NpgsqlDbType elementType)
    {
        var column = new Column<T>(_command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | elementType)));
        _columns.Add(column);
        return column;
    }

    /// <summary>Forgets what an earlier attempt added.</summary>
    public void Clear()
    {
        foreach (var column in _columns) column.Clear();
        foreach (var parameter in _announcement) parameter.Value = DBNull.Value;
    }

    /// <summary>Adds a heartbeat; a commit holds at most one per terminal (one upsert cannot write a row twice).</summary>
    public void AddHeartbeat(string terminalId, HeartbeatEvent heartbeat)
    {
        var atMs = heartbeat.At.ToUnixTimeMilliseconds();
        _terminals.Values.Add(terminalId);
        _hours.Values.Add(HeartbeatRollup.HourStart(atMs));
        _ats.Values.Add(atMs);
        _batteries.Values.Add(heartbeat.BatteryPercent);
        _versions.Values.Add(HeartbeatHourRow.VersionPair(heartbeat.AppVersion, heartbeat.FirmwareVersion));
        _ids.Values.Add(HeartbeatRollup.IdHash(heartbeat.Id));
        _boots.Values.Add(heartbeat.BootId);
    }

    /// <summary>Adds a terminal's latest state, derived as if every heartbeat added were new.</summary>
    public void AddLatestState(TerminalSnapshot snapshot)
    {
        var (seen, contact, app, firmware, json) = LatestState.Columns(snapshot);
        _stateTerminals.Values.Add(snapshot.TerminalId);
        _seen.Values.Add(seen);
        _contact.Values.Add(contact);
        _apps.Values.Add(app);
        _firmwares.Values.Add(firmware);
        _states.Values.Add(json);
    }

    /// <summary>Announces the commit to the other nodes (<see cref="WriterCommands.Announce"/>): a <c>NodeChanges</c> row and a notification.</summary>
    public void Announce(string node, string kind, string payload, DateTimeOffset now)
    {
        _node.Value = node;
        _kind.Value = kind;
        _payload.Value = payload;
        _at.Value = now.ToUnixTimeMilliseconds();
    }

    /// <returns>true when everything added is committed; false when a heartbeat was a duplicate and nothing was stored.</returns>
    public bool TryCommit()
    {
        foreach (var column in _columns) column.Bind();
        try
        {
            _command.ExecuteNonQuery();
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidTextRepresentation && ex.MessageText.Contains(DuplicateMark, StringComparison.Ordinal))
        {
            return false;
        }
    }

    public void Dispose() => _command.Dispose();

    private interface IColumn
    {
        void Clear();

        /// <summary>Hands the column's values to its parameter as an array.</summary>
        void Bind();
    }

    private sealed class Column<T>(NpgsqlParameter parameter) : IColumn
    {
        public List<T> Values { get; } = [];

        public void Clear() => Values.Clear();

        public void Bind() => parameter.Value = Values.ToArray();
    }
}
