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

    private readonly List<string> _terminals = [];
    private readonly List<long> _hours = [];
    private readonly List<long> _ats = [];
    private readonly List<int?> _batteries = [];
    private readonly List<string> _versions = [];
    private readonly List<byte[]> _ids = [];
    private readonly List<string> _boots = [];

    private readonly List<string> _stateTerminals = [];
    private readonly List<long?> _seen = [];
    private readonly List<long?> _contact = [];
    private readonly List<string?> _apps = [];
    private readonly List<string?> _firmwares = [];
    private readonly List<string> _states = [];

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
                UPDATE "Terminals" AS t SET "LastSeenAtMs" = s.seen, "LastContactAtMs" = s.contact, "AppVersion" = s.app,
                    "FirmwareVersion" = s.firmware, "LatestStateJson" = s.state
                FROM unnest(@stateTerminals, @seen, @contact, @apps, @firmwares, @states) AS s(terminal, seen, contact, app, firmware, state)
                WHERE t."TerminalId" = s.terminal
            ),
            change AS (
                INSERT INTO "NodeChanges" ("Node", "Kind", "Payload", "AtMs")
                SELECT @node, @kind, @payload, @at WHERE @payload IS NOT NULL
                RETURNING 1
            )
            SELECT CASE WHEN (SELECT count(*) FROM hour) = cardinality(@terminals)
                THEN (SELECT count(pg_notify('{Cluster.ChangeFanOut.Channel}', '')) FROM change)
                ELSE ('{DuplicateMark}: ' || (SELECT count(*) FROM hour))::integer END
            """;
        var p = _command.Parameters;
        p.Add(new NpgsqlParameter("terminals", NpgsqlDbType.Array | NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter("hours", NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        p.Add(new NpgsqlParameter("ats", NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        p.Add(new NpgsqlParameter("batteries", NpgsqlDbType.Array | NpgsqlDbType.Integer));
        p.Add(new NpgsqlParameter("versions", NpgsqlDbType.Array | NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bytea));
        p.Add(new NpgsqlParameter("boots", NpgsqlDbType.Array | NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter("stateTerminals", NpgsqlDbType.Array | NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter("seen", NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        p.Add(new NpgsqlParameter("contact", NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        p.Add(new NpgsqlParameter("apps", NpgsqlDbType.Array | NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter("firmwares", NpgsqlDbType.Array | NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter("states", NpgsqlDbType.Array | NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter("node", NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter("payload", NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter("at", NpgsqlDbType.Bigint));
    }

    /// <summary>Forgets what an earlier attempt added.</summary>
    public void Clear()
    {
        _terminals.Clear();
        _hours.Clear();
        _ats.Clear();
        _batteries.Clear();
        _versions.Clear();
        _ids.Clear();
        _boots.Clear();
        _stateTerminals.Clear();
        _seen.Clear();
        _contact.Clear();
        _apps.Clear();
        _firmwares.Clear();
        _states.Clear();
        for (var i = 13; i < _command.Parameters.Count; i++) _command.Parameters[i].Value = DBNull.Value;
    }

    /// <summary>Adds a heartbeat; a commit holds at most one per terminal (one upsert cannot write a row twice).</summary>
    public void AddHeartbeat(string terminalId, HeartbeatEvent heartbeat)
    {
        var atMs = heartbeat.At.ToUnixTimeMilliseconds();
        _terminals.Add(terminalId);
        _hours.Add(HeartbeatRollup.HourStart(atMs));
        _ats.Add(atMs);
        _batteries.Add(heartbeat.BatteryPercent);
        _versions.Add(HeartbeatHourRow.VersionPair(heartbeat.AppVersion, heartbeat.FirmwareVersion));
        _ids.Add(HeartbeatRollup.IdHash(heartbeat.Id));
        _boots.Add(heartbeat.BootId);
    }

    /// <summary>Adds a terminal's latest state, derived as if every heartbeat added were new.</summary>
    public void AddLatestState(TerminalSnapshot snapshot)
    {
        _stateTerminals.Add(snapshot.TerminalId);
        _seen.Add(snapshot.LastSeenAt?.ToUnixTimeMilliseconds());
        _contact.Add(snapshot.LastContactAt?.ToUnixTimeMilliseconds());
        _apps.Add(snapshot.AppVersion);
        _firmwares.Add(snapshot.FirmwareVersion);
        _states.Add(LatestState.Of(snapshot).ToJson());
    }

    /// <summary>Announces the commit to the other nodes (<see cref="WriterCommands.Announce"/>): a <c>NodeChanges</c> row and a notification.</summary>
    public void Announce(string node, string kind, string payload, DateTimeOffset now)
    {
        var p = _command.Parameters;
        p[13].Value = node;
        p[14].Value = kind;
        p[15].Value = payload;
        p[16].Value = now.ToUnixTimeMilliseconds();
    }

    /// <returns>true when everything added is committed; false when a heartbeat was a duplicate and nothing was stored.</returns>
    public bool TryCommit()
    {
        var p = _command.Parameters;
        p[0].Value = _terminals.ToArray();
        p[1].Value = _hours.ToArray();
        p[2].Value = _ats.ToArray();
        p[3].Value = _batteries.ToArray();
        p[4].Value = _versions.ToArray();
        p[5].Value = _ids.ToArray();
        p[6].Value = _boots.ToArray();
        p[7].Value = _stateTerminals.ToArray();
        p[8].Value = _seen.ToArray();
        p[9].Value = _contact.ToArray();
        p[10].Value = _apps.ToArray();
        p[11].Value = _firmwares.ToArray();
        p[12].Value = _states.ToArray();
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
}
