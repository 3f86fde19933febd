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
/// </summary>
internal sealed class HeartbeatRollup : IDisposable
{
    private const long HourMs = 3_600_000;

    private readonly DbCommand _hour;
    private readonly DbCommand? _boot; // SQLite only: on PostgreSQL one statement does both upserts

    public HeartbeatRollup(DbConnection connection, DatabaseProvider provider)
    {
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
            return;
        }
        _hour.CommandText = HourUpsertSql(provider);
        CommandParameters.Add(_hour, "@terminal", "@hour", "@at", "@battery", "@versions", "@id");
        _boot = connection.CreateCommand();
        _boot.CommandText = BootUpsertSql(provider, "VALUES (@terminal, @boot, @at, @at)");
        CommandParameters.Add(_boot, "@terminal", "@boot", "@at");
    }

    public void Enlist(DbTransaction transaction)
    {
        _hour.Transaction = transaction;
        _boot?.Transaction = transaction;
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
        if (_boot is null)
        {
            p[6].Value = heartbeat.BootId;
            return Convert.ToInt64(_hour.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
        }
        if (_hour.ExecuteNonQuery() != 1) return false;
        var b = _boot.Parameters;
        b[0].Value = terminalId;
        b[1].Value = heartbeat.BootId;
        b[2].Value = atMs;
        _boot.ExecuteNonQuery();
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
        _boot?.Dispose();
    }
}
