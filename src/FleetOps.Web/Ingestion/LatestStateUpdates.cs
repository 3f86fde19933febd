using FleetOps.Core.Fleet;
using FleetOps.Web.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// On PostgreSQL, a commit's latest-state updates as ONE statement over arrays (<c>unnest</c>) instead of one UPDATE per
/// terminal: each statement of a batch costs the server a bind and an executor start and the client a parse of its SQL
/// and a parameter object per value, so a group of five single-heartbeat requests paid that five times (issue 17:
/// PostgreSQL's CPU per request against SQLite's). The terminals of one commit are distinct (the writer keeps one
/// snapshot per terminal), so every row is updated once.
/// </summary>
internal sealed class LatestStateUpdates
{
    private const string Sql =
        """
        UPDATE "Terminals" AS t SET "LastSeenAtMs" = u.seen, "LastContactAtMs" = u.contact, "AppVersion" = u.app,
            "FirmwareVersion" = u.firmware, "LatestStateJson" = u.state
        FROM unnest($1, $2, $3, $4, $5, $6) AS u(terminal, seen, contact, app, firmware, state)
        WHERE t."TerminalId" = u.terminal
        """;

    private readonly List<string> _terminals = [];
    private readonly List<long?> _seen = [];
    private readonly List<long?> _contact = [];
    private readonly List<string?> _app = [];
    private readonly List<string?> _firmware = [];
    private readonly List<string> _state = [];

    public int Count => _terminals.Count;

    public void Add(TerminalSnapshot snapshot)
    {
        _terminals.Add(snapshot.TerminalId);
        _seen.Add(snapshot.LastSeenAt?.ToUnixTimeMilliseconds());
        _contact.Add(snapshot.LastContactAt?.ToUnixTimeMilliseconds());
        _app.Add(snapshot.AppVersion);
        _firmware.Add(snapshot.FirmwareVersion);
        _state.Add(LatestState.Of(snapshot).ToJson());
    }

    /// <summary>Queues the one UPDATE for what was added (nothing when nothing was) and starts over.</summary>
    public void QueueInto(PostgresStatementBatch batch)
    {
        if (Count == 0) return;
        // Positional parameters: Npgsql sends the SQL as it is, without parsing it for names.
        var statement = new NpgsqlBatchCommand(Sql);
        statement.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = _terminals.ToArray() });
        statement.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = _seen.ToArray() });
        statement.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint, Value = _contact.ToArray() });
        statement.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = _app.ToArray() });
        statement.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = _firmware.ToArray() });
        statement.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = _state.ToArray() });
        batch.Add(statement);
        Clear();
    }

    public void Clear()
    {
        _terminals.Clear();
        _seen.Clear();
        _contact.Clear();
        _app.Clear();
        _firmware.Clear();
        _state.Clear();
    }
}
