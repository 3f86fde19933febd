using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using FleetOps.Core.Telemetry;
using Npgsql;

namespace FleetOps.Web.Persistence;

/// <summary>
/// Stores heartbeats as hour roll-ups (<see cref="HeartbeatHourRow"/>) and boot segments (<see cref="TerminalBootRow"/>)
/// instead of a row each. The duplicate check and the merge are ONE upsert: the UPDATE's WHERE refuses when the id's
/// 8-byte hash is already in the hour's <c>EventIds</c>, so "rows affected" says new (1) or duplicate (0) — correct with
/// several nodes writing the same row, since nothing is accumulated in memory. The two providers differ in a few function
/// names (all in <see cref="HourUpsertSql"/> and <see cref="BootUpsertSql"/>), and PostgreSQL does both upserts in one
/// statement (a round trip each would cost it; SQLite runs in the process).
/// <para>
/// A heartbeat's identity is its id within the hour of its <c>at</c>. A resend is the same event with the same
/// <c>at</c>, so it lands in the same hour and is recognised. The same id sent again with an <c>at</c> in another hour is
/// not a resend but a terminal reusing ids (docs/api.md: ids are unique per terminal); it is counted as a new heartbeat
/// rather than searched for in every hour, which would cost a read per hour kept. Ids are checked per kind: a
/// heartbeat is not compared with the power and transaction ids in <c>TelemetryEvents</c>.
/// </para>
/// <para>
/// The event writer queues a commit's heartbeats (<see cref="Queue"/>) and merges them per terminal-hour
/// (<see cref="Flush"/>): a 500-heartbeat request is one terminal-hour, and one statement per heartbeat rewrote that row
/// — its growing id list included — 500 times (measured: 96 % of the writer's time in 500-event batches). A row with
/// several queued heartbeats is read once, merged in memory by the same rule (<see cref="HeartbeatHourTally"/>) and
/// written with one upsert that is refused when the stored id list changed since it was read (another node); then
/// its heartbeats go through the per-heartbeat statement after all, which is correct under any concurrency.
/// </para>
/// </summary>
internal sealed class HeartbeatRollup : IDisposable
{
    private const long HourMs = 3_600_000;

    private readonly DbCommand _hour;
    private readonly DbCommand _boot; // SQLite: after each new heartbeat; PostgreSQL: merged rows only (Add does both at once)
    private readonly bool _hourDoesBoot;
    private readonly DbCommand _readHour;
    private readonly DbCommand _writeHour;

    // Heartbeats queued for the next Flush, by terminal-hour in arrival order; Flush answers by ticket (arrival order).
    private readonly Dictionary<(string TerminalId, long HourMs), List<(int Ticket, HeartbeatEvent Heartbeat)>> _queued = [];
    private readonly List<bool> _isNew = [];

    // PostgreSQL's group commit (null: each statement runs at once): what must be known before the commit's events are
    // judged new or duplicate, and what may wait until just before COMMIT.
    private readonly PostgresStatementBatch? _now;
    private readonly PostgresStatementBatch? _later;
    private readonly PostgresStatementBatch? _reads;

    /// <param name="now">PostgreSQL's group commit: <see cref="Flush"/> queues its statements here and runs them in one round trip</param>
    /// <param name="later">PostgreSQL's group commit: where the merged rows' boot segments are queued, run by the caller before COMMIT</param>
    public HeartbeatRollup(DbConnection connection, DatabaseProvider provider, PostgresStatementBatch? now = null, PostgresStatementBatch? later = null)
    {
        _now = now;
        _later = later;
        if (now is not null) _reads = new PostgresStatementBatch((NpgsqlConnection)connection);
        _readHour = connection.CreateCommand();
        _readHour.CommandText = """
            SELECT "Count", "FirstAtMs", "LastAtMs", "MinBattery", "MaxBattery", "Versions", "EventIds"
            FROM "HeartbeatHours" WHERE "HourMs" = @hour AND "TerminalId" = @terminal
            """;
        CommandParameters.Add(_readHour, "@hour", "@terminal");
        _writeHour = connection.CreateCommand();
        _writeHour.CommandText = MergedHourUpsertSql;
        CommandParameters.Add(_writeHour, "@hour", "@terminal", "@count", "@first", "@last", "@minBattery", "@maxBattery",
            "@versions", "@ids", "@storedLength");
        _boot = connection.CreateCommand();
        _boot.CommandText = BootUpsertSql(provider, "VALUES (@terminal, @boot, @first, @last)");
        CommandParameters.Add(_boot, "@terminal", "@boot", "@first", "@last");
        _hour = connection.CreateCommand();
        if (provider == DatabaseProvider.Postgres)
        {
            // One round trip per heartbeat, as before the roll-ups: the boot upsert feeds on the hour upsert's RETURNING,
            // so it runs only for a new heartbeat, and the count of returned rows says new (1) or duplicate (0).
            _hour.CommandText = $"""
                WITH hour AS ({HourUpsertSql(provider, LoneHourValues)} RETURNING 1),
                boot AS ({BootUpsertSql(provider, "SELECT @terminal, @boot, @at, @at FROM hour")})
                SELECT 1 FROM hour
                """;
            CommandParameters.Add(_hour, "@terminal", "@hour", "@at", "@battery", "@versions", "@id", "@boot");
            _hourDoesBoot = true;
            return;
        }
        _hour.CommandText = HourUpsertSql(provider, LoneHourValues);
        CommandParameters.Add(_hour, "@terminal", "@hour", "@at", "@battery", "@versions", "@id");
    }

    /// <summary>Enlists the statements in the transaction and forgets whatever an earlier, rolled-back attempt queued.</summary>
    public void Enlist(DbTransaction transaction)
    {
        _hour.Transaction = transaction;
        _boot.Transaction = transaction;
        _readHour.Transaction = transaction;
        _writeHour.Transaction = transaction;
        _reads?.Enlist(transaction);
        _queued.Clear();
        _isNew.Clear();
    }

    /// <returns>The heartbeat's ticket: after <see cref="Flush"/>, <see cref="IsNew"/> of it says new or duplicate.</returns>
    public int Queue(string terminalId, HeartbeatEvent heartbeat)
    {
        var key = (terminalId, HourStart(heartbeat.At.ToUnixTimeMilliseconds()));
        if (!_queued.TryGetValue(key, out var row)) _queued[key] = row = [];
        row.Add((_isNew.Count, heartbeat));
        _isNew.Add(false);
        return _isNew.Count - 1;
    }

    /// <summary>Writes the queued heartbeats: one merged upsert per terminal-hour (the per-heartbeat one for a lone heartbeat).</summary>
    public void Flush()
    {
        if (_now is not null)
        {
            FlushBatched(_now, _later!);
            return;
        }
        foreach (var ((terminalId, hourMs), heartbeats) in _queued)
        {
            if (heartbeats.Count == 1)
            {
                _isNew[heartbeats[0].Ticket] = Add(terminalId, heartbeats[0].Heartbeat);
                continue;
            }
            Merge(terminalId, hourMs, heartbeats);
        }
        _queued.Clear();
    }

    public bool IsNew(int ticket) => _isNew[ticket];

    /// <summary>
    /// <see cref="Flush"/> on PostgreSQL, in two round trips whatever the commit holds: the rows to merge are read in one;
    /// lone heartbeats' upserts and merged rows' writes go with the statements already queued in <paramref name="now"/>
    /// (the commit's power and transaction events) in the other. Merged rows' boot segments wait in <paramref name="later"/>.
    /// Duplicates are decided exactly as row by row: the same statements, only sent together.
    /// </summary>
    private void FlushBatched(PostgresStatementBatch now, PostgresStatementBatch later)
    {
        var merged = _queued.Where(q => q.Value.Count > 1).Select(q => (q.Key.TerminalId, q.Key.HourMs, Heartbeats: q.Value)).ToList();
        var tallies = ReadHours(merged);
        var lone = new List<(int Ticket, int Statement)>();
        foreach (var ((terminalId, _), heartbeats) in _queued)
        {
            if (heartbeats.Count == 1) lone.Add((heartbeats[0].Ticket, now.Add(SetHour(terminalId, heartbeats[0].Heartbeat))));
        }
        var writes = new List<(int Row, List<HeartbeatEvent> Taken, int Statement)>();
        for (var i = 0; i < merged.Count; i++)
        {
            var taken = Take(merged[i].Heartbeats, tallies[i]);
            if (taken.Count > 0) writes.Add((i, taken, now.Add(SetWriteHour(merged[i].TerminalId, merged[i].HourMs, tallies[i]))));
        }
        now.Execute();
        foreach (var (ticket, statement) in lone) _isNew[ticket] = now.Rows(statement) == 1;
        foreach (var (row, taken, statement) in writes)
        {
            var (terminalId, _, heartbeats) = merged[row];
            if (now.Rows(statement) != 1)
            {
                // Another node wrote this hour since it was read: decide each heartbeat again against what is stored now.
                foreach (var (ticket, heartbeat) in heartbeats) _isNew[ticket] = Add(terminalId, heartbeat);
                continue;
            }
            foreach (var boot in taken.GroupBy(h => h.BootId, StringComparer.Ordinal))
            {
                later.Add(SetBoot(terminalId, boot.Key, boot.Min(h => h.At).ToUnixTimeMilliseconds(), boot.Max(h => h.At).ToUnixTimeMilliseconds()));
            }
        }
        _queued.Clear();
    }

    /// <summary>The stored tallies of the rows to merge, read in one round trip.</summary>
    private List<HeartbeatHourTally> ReadHours(List<(string TerminalId, long HourMs, List<(int, HeartbeatEvent)>)> rows)
    {
        if (rows.Count == 0) return [];
        var reads = _reads!;
        reads.Clear();
        foreach (var (terminalId, hourMs, _) in rows)
        {
            _readHour.Parameters[0].Value = hourMs;
            _readHour.Parameters[1].Value = terminalId;
            reads.Add(_readHour);
        }
        var tallies = new List<HeartbeatHourTally>(rows.Count);
        using var reader = reads.ExecuteReader();
        do tallies.Add(Tally(reader)); while (reader.NextResult());
        return tallies;
    }

    private void Merge(string terminalId, long hourMs, List<(int Ticket, HeartbeatEvent Heartbeat)> heartbeats)
    {
        var tally = ReadHour(terminalId, hourMs);
        var taken = Take(heartbeats, tally);
        if (taken.Count == 0) return; // all duplicates: nothing to write, as the per-heartbeat upsert would change nothing
        if (SetWriteHour(terminalId, hourMs, tally).ExecuteNonQuery() != 1)
        {
            // Another node wrote this hour since it was read: decide each heartbeat again against what is stored now.
            foreach (var (ticket, heartbeat) in heartbeats) _isNew[ticket] = Add(terminalId, heartbeat);
            return;
        }
        foreach (var boot in taken.GroupBy(h => h.BootId, StringComparer.Ordinal))
        {
            SetBoot(terminalId, boot.Key, boot.Min(h => h.At).ToUnixTimeMilliseconds(), boot.Max(h => h.At).ToUnixTimeMilliseconds()).ExecuteNonQuery();
        }
    }

    /// <summary>Merges the row's queued heartbeats into its tally; marks and returns those that are new.</summary>
    private List<HeartbeatEvent> Take(List<(int Ticket, HeartbeatEvent Heartbeat)> heartbeats, HeartbeatHourTally tally)
    {
        var taken = new List<HeartbeatEvent>(heartbeats.Count);
        foreach (var (ticket, heartbeat) in heartbeats)
        {
            if (!tally.TryAdd(heartbeat, IdHash(heartbeat.Id))) continue;
            _isNew[ticket] = true;
            taken.Add(heartbeat);
        }
        return taken;
    }

    private HeartbeatHourTally ReadHour(string terminalId, long hourMs)
    {
        _readHour.Parameters[0].Value = hourMs;
        _readHour.Parameters[1].Value = terminalId;
        using var reader = _readHour.ExecuteReader();
        return Tally(reader);
    }

    private static HeartbeatHourTally Tally(DbDataReader reader)
    {
        if (!reader.Read()) return HeartbeatHourTally.Empty();
        return HeartbeatHourTally.Stored(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4),
            reader.GetString(5), (byte[])reader.GetValue(6));
    }

    /// <summary>The merged row's write, ready to run: it writes no row when the stored id list is no longer the one read (another writer).</summary>
    private DbCommand SetWriteHour(string terminalId, long hourMs, HeartbeatHourTally tally)
    {
        var p = _writeHour.Parameters;
        p[0].Value = hourMs;
        p[1].Value = terminalId;
        p[2].Value = tally.Count;
        p[3].Value = tally.FirstAtMs;
        p[4].Value = tally.LastAtMs;
        p[5].Value = (object?)tally.MinBattery ?? DBNull.Value;
        p[6].Value = (object?)tally.MaxBattery ?? DBNull.Value;
        p[7].Value = tally.Versions;
        p[8].Value = tally.EventIds.ToArray();
        p[9].Value = tally.StoredIdsLength;
        return _writeHour;
    }

    private DbCommand SetBoot(string terminalId, string bootId, long firstAtMs, long lastAtMs)
    {
        var b = _boot.Parameters;
        b[0].Value = terminalId;
        b[1].Value = bootId;
        b[2].Value = firstAtMs;
        b[3].Value = lastAtMs;
        return _boot;
    }

    /// <returns>true when the heartbeat is new; false when its id is already in its hour.</returns>
    public bool Add(string terminalId, HeartbeatEvent heartbeat)
    {
        var hour = SetHour(terminalId, heartbeat);
        if (_hourDoesBoot) return hour.ExecuteScalar() is not null;
        if (hour.ExecuteNonQuery() != 1) return false;
        SetBoot(terminalId, heartbeat.BootId, heartbeat.At.ToUnixTimeMilliseconds(), heartbeat.At.ToUnixTimeMilliseconds()).ExecuteNonQuery();
        return true;
    }

    /// <summary>
    /// The per-heartbeat upsert, ready to run. On PostgreSQL it also extends the boot segment and returns one row when the
    /// heartbeat is new, none when its id is already in its hour; on SQLite it writes one row or none.
    /// </summary>
    private DbCommand SetHour(string terminalId, HeartbeatEvent heartbeat)
    {
        var atMs = heartbeat.At.ToUnixTimeMilliseconds();
        var p = _hour.Parameters;
        p[0].Value = terminalId;
        p[1].Value = HourStart(atMs);
        p[2].Value = atMs;
        p[3].Value = (object?)heartbeat.BatteryPercent ?? DBNull.Value;
        p[4].Value = HeartbeatHourRow.VersionPair(heartbeat.AppVersion, heartbeat.FirmwareVersion);
        p[5].Value = IdHash(heartbeat.Id);
        if (_hourDoesBoot) p[6].Value = heartbeat.BootId;
        return _hour;
    }

    /// <summary>The start of the UTC hour holding <paramref name="atMs"/> (floored, also before 1970).</summary>
    public static long HourStart(long atMs) => atMs - ((atMs % HourMs) + HourMs) % HourMs;

    /// <summary>
    /// The first 8 bytes of the id's SHA-256. Two different ids of one terminal-hour (~60) collide with a chance of about
    /// 60²/2⁶⁴; the substring search may also match across two neighbouring hashes, as unlikely. Either would count one
    /// heartbeat as a duplicate — a heartbeat, whose latest state the next one brings anyway.
    /// </summary>
    public static byte[] IdHash(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id))[..8];

    private const string LoneHourValues = "VALUES (@hour, @terminal, 1, @at, @at, @battery, @battery, @versions, @id)";

    /// <summary>
    /// The per-heartbeat upsert of a terminal-hour: it writes the row (1) when the heartbeat's id hash is not in the hour's
    /// id list yet, and nothing (0) when it is.
    /// </summary>
    /// <param name="values">The heartbeats as new rows (hour, terminal, 1, at, at, battery, battery, versions, id hash): a
    /// VALUES list or a SELECT, of at most one row per terminal-hour.</param>
    internal static string HourUpsertSql(DatabaseProvider provider, string values)
    {
        var sqlite = provider == DatabaseProvider.Sqlite;
        // SQLite's two-argument min/max are NULL when either side is; PostgreSQL's LEAST/GREATEST skip NULLs.
        string Least(string a, string b) => sqlite ? $"coalesce(min({a}, {b}), {a}, {b})" : $"LEAST({a}, {b})";
        string Greatest(string a, string b) => sqlite ? $"coalesce(max({a}, {b}), {a}, {b})" : $"GREATEST({a}, {b})";
        string Find(string needle, string haystack) => sqlite ? $"instr({haystack}, {needle})" : $"position({needle} in {haystack})";
        // SQLite's || yields text; the cast keeps the bytes a blob, so instr compares bytes.
        string Bytes(string a, string b) => sqlite ? $"CAST({a} || {b} AS BLOB)" : $"{a} || {b}";
        const string h = "\"HeartbeatHours\"";
        return $"""
            INSERT INTO {h} ("HourMs", "TerminalId", "Count", "FirstAtMs", "LastAtMs", "MinBattery", "MaxBattery", "Versions", "EventIds")
            {values}
            ON CONFLICT ("HourMs", "TerminalId") DO UPDATE SET
                "Count" = {h}."Count" + 1,
                "FirstAtMs" = {Least($"{h}.\"FirstAtMs\"", "excluded.\"FirstAtMs\"")},
                "LastAtMs" = {Greatest($"{h}.\"LastAtMs\"", "excluded.\"LastAtMs\"")},
                "MinBattery" = {Least($"{h}.\"MinBattery\"", "excluded.\"MinBattery\"")},
                "MaxBattery" = {Greatest($"{h}.\"MaxBattery\"", "excluded.\"MaxBattery\"")},
                "Versions" = CASE WHEN {Find("excluded.\"Versions\"", $"{h}.\"Versions\"")} > 0 THEN {h}."Versions"
                    ELSE {h}."Versions" || substr(excluded."Versions", 2) END,
                "EventIds" = {Bytes($"{h}.\"EventIds\"", "excluded.\"EventIds\"")}
            WHERE {Find("excluded.\"EventIds\"", $"{h}.\"EventIds\"")} = 0
            """;
    }

    /// <summary>
    /// A terminal-hour merged in memory, written whole. The WHERE refuses (0 rows) when the stored id list is no longer
    /// as long as when it was read — ids are only ever appended, so same length means unchanged — and a row that did not
    /// exist was read as length 0. The same SQL on both providers.
    /// </summary>
    private const string MergedHourUpsertSql = """
        INSERT INTO "HeartbeatHours" ("HourMs", "TerminalId", "Count", "FirstAtMs", "LastAtMs", "MinBattery", "MaxBattery", "Versions", "EventIds")
        VALUES (@hour, @terminal, @count, @first, @last, @minBattery, @maxBattery, @versions, @ids)
        ON CONFLICT ("HourMs", "TerminalId") DO UPDATE SET
            "Count" = excluded."Count", "FirstAtMs" = excluded."FirstAtMs", "LastAtMs" = excluded."LastAtMs",
            "MinBattery" = excluded."MinBattery", "MaxBattery" = excluded."MaxBattery", "Versions" = excluded."Versions",
            "EventIds" = excluded."EventIds"
        WHERE length("HeartbeatHours"."EventIds") = @storedLength
        """;

    /// <param name="values">The rows to merge: a VALUES list or a SELECT, of at most one row per terminal and boot.</param>
    internal static string BootUpsertSql(DatabaseProvider provider, string values)
    {
        var (least, greatest) = provider == DatabaseProvider.Sqlite ? ("min", "max") : ("LEAST", "GREATEST");
        const string b = "\"TerminalBoots\"";
        // The WHERE skips the write when the heartbeat lies inside the known segment (most of them).
        return $"""
            INSERT INTO {b} ("TerminalId", "BootId", "FirstAtMs", "LastAtMs") {values}
            ON CONFLICT ("TerminalId", "BootId") DO UPDATE SET
                "FirstAtMs" = {least}({b}."FirstAtMs", excluded."FirstAtMs"),
                "LastAtMs" = {greatest}({b}."LastAtMs", excluded."LastAtMs")
            WHERE excluded."FirstAtMs" < {b}."FirstAtMs" OR excluded."LastAtMs" > {b}."LastAtMs"
            """;
    }

    public void Dispose()
    {
        _hour.Dispose();
        _boot.Dispose();
        _readHour.Dispose();
        _writeHour.Dispose();
        _reads?.Dispose();
    }
}
