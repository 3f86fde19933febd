using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FleetOps.Core.Telemetry;

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

    public HeartbeatRollup(DbConnection connection, DatabaseProvider provider)
    {
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
                WITH hour AS ({HourUpsertSql(provider)} RETURNING 1),
                boot AS ({BootUpsertSql(provider, "SELECT @terminal, @boot, @at, @at FROM hour")})
                SELECT count(*) FROM hour
                """;
            CommandParameters.Add(_hour, "@terminal", "@hour", "@at", "@battery", "@versions", "@id", "@boot");
            _hourDoesBoot = true;
            return;
        }
        _hour.CommandText = HourUpsertSql(provider);
        CommandParameters.Add(_hour, "@terminal", "@hour", "@at", "@battery", "@versions", "@id");
    }

    /// <summary>Enlists the statements in the transaction and forgets whatever an earlier, rolled-back attempt queued.</summary>
    public void Enlist(DbTransaction transaction)
    {
        _hour.Transaction = transaction;
        _boot.Transaction = transaction;
        _readHour.Transaction = transaction;
        _writeHour.Transaction = transaction;
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

    private void Merge(string terminalId, long hourMs, List<(int Ticket, HeartbeatEvent Heartbeat)> heartbeats)
    {
        var tally = ReadHour(terminalId, hourMs);
        var taken = new List<HeartbeatEvent>(heartbeats.Count);
        foreach (var (ticket, heartbeat) in heartbeats)
        {
            if (!tally.TryAdd(heartbeat, IdHash(heartbeat.Id))) continue;
            _isNew[ticket] = true;
            taken.Add(heartbeat);
        }
        if (taken.Count == 0) return; // all duplicates: nothing to write, as the per-heartbeat upsert would change nothing
        if (!WriteHour(terminalId, hourMs, tally))
        {
            // Another node wrote this hour since it was read: decide each heartbeat again against what is stored now.
            foreach (var (ticket, heartbeat) in heartbeats) _isNew[ticket] = Add(terminalId, heartbeat);
            return;
        }
        foreach (var boot in taken.GroupBy(h => h.BootId, StringComparer.Ordinal))
        {
            UpsertBoot(terminalId, boot.Key, boot.Min(h => h.At).ToUnixTimeMilliseconds(), boot.Max(h => h.At).ToUnixTimeMilliseconds());
        }
    }

    private HeartbeatHourTally ReadHour(string terminalId, long hourMs)
    {
        _readHour.Parameters[0].Value = hourMs;
        _readHour.Parameters[1].Value = terminalId;
        using var reader = _readHour.ExecuteReader();
        if (!reader.Read()) return HeartbeatHourTally.Empty();
        return HeartbeatHourTally.Stored(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4),
            reader.GetString(5), (byte[])reader.GetValue(6));
    }

    /// <returns>false when the stored row's id list is no longer the one read (another writer), and nothing was written.</returns>
    private bool WriteHour(string terminalId, long hourMs, HeartbeatHourTally tally)
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
        return _writeHour.ExecuteNonQuery() == 1;
    }

    private void UpsertBoot(string terminalId, string bootId, long firstAtMs, long lastAtMs)
    {
        var b = _boot.Parameters;
        b[0].Value = terminalId;
        b[1].Value = bootId;
        b[2].Value = firstAtMs;
        b[3].Value = lastAtMs;
        _boot.ExecuteNonQuery();
    }

    /// <returns>true when the heartbeat is new; false when its id is already in its hour.</returns>
    public bool Add(string terminalId, HeartbeatEvent heartbeat)
    {
        var atMs = heartbeat.At.ToUnixTimeMilliseconds();
        var p = _hour.Parameters;
        p[0].Value = terminalId;
        p[1].Value = HourStart(atMs);
        p[2].Value = atMs;
        p[3].Value = (object?)heartbeat.BatteryPercent ?? DBNull.Value;
        p[4].Value = HeartbeatHourRow.VersionPair(heartbeat.AppVersion, heartbeat.FirmwareVersion);
        p[5].Value = IdHash(heartbeat.Id);
        if (_hourDoesBoot)
        {
            p[6].Value = heartbeat.BootId;
            return Convert.ToInt64(_hour.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
        }
        if (_hour.ExecuteNonQuery() != 1) return false;
        UpsertBoot(terminalId, heartbeat.BootId, atMs, atMs);
        return true;
    }

    /// <summary>The start of the UTC hour holding <paramref name="atMs"/> (floored, also before 1970).</summary>
    public static long HourStart(long atMs) => atMs - ((atMs % HourMs) + HourMs) % HourMs;

    /// <summary>
    /// The first 8 bytes of the id's SHA-256. Two different ids of one terminal-hour (~60) collide with a chance of about
    /// 60²/2⁶⁴; the substring search may also match across two neighbouring hashes, as unlikely. Either would count one
    /// heartbeat as a duplicate — a heartbeat, whose latest state the next one brings anyway.
    /// </summary>
    public static byte[] IdHash(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id))[..8];

    private static string HourUpsertSql(DatabaseProvider provider)
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
            VALUES (@hour, @terminal, 1, @at, @at, @battery, @battery, @versions, @id)
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

    /// <param name="values">The row to merge: a VALUES list or a SELECT.</param>
    private static string BootUpsertSql(DatabaseProvider provider, string values)
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
    }
}
