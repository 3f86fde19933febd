using System.Data.Common;
using System.Diagnostics;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Live;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FleetOps.Bench;

/// <summary>
/// Storage benchmark (issue 9, scripts/bench-storage.sh): one simulated day of a fleet written through the real event
/// writer (group commit, the same statements as the server) with explicit event times — every terminal beats once a
/// minute (1,440 heartbeats), makes a few sales, and one in ten loses power once (lost, restored, a new boot id).
/// Each request carries one minute of one terminal's events, round by round over the fleet, as live traffic arrives
/// (on PostgreSQL this matters: several updates of one row in one commit leave dead row versions that cannot be pruned).
/// Prints the database's growth per terminal and day: SQLite after VACUUM (page_count × page_size), PostgreSQL as the
/// sum of pg_total_relation_size over its tables after VACUUM; the size with the terminals registered and nothing sent
/// is subtracted.
/// </summary>
public sealed class StorageDay(StorageDayOptions options)
{
    private const double LossyShare = 0.1;
    private readonly Random _random = new(options.Seed);
    private readonly DateTimeOffset _dayStart = DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(-5);

    public async Task RunAsync()
    {
        string? postgresDatabase = null;
        var databaseOptions = new DatabaseOptions { ConnectionString = $"Data Source={options.Database};Pooling=False" };
        if (options.PostgresServer is { } server)
        {
            postgresDatabase = $"fleetops_bench_{Guid.NewGuid():N}"[..30];
            await OnServerAsync(server, $"CREATE DATABASE \"{postgresDatabase}\"");
            databaseOptions = new DatabaseOptions
            {
                Provider = DatabaseProvider.Postgres,
                ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase }.ConnectionString,
            };
        }
        try
        {
            await RunOnAsync(new FleetDbContextFactory(databaseOptions));
        }
        finally
        {
            if (postgresDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await OnServerAsync(options.PostgresServer!, $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)");
            }
        }
    }

    private async Task RunOnAsync(FleetDbContextFactory databases)
    {
        var watch = Stopwatch.StartNew();
        var provider = databases.Provider.ToString().ToLowerInvariant();
        databases.EnsureDataDirectory();
        var terminals = await RegisterAsync(databases);
        var empty = await SizeAsync(databases);

        var time = TimeProvider.System;
        var detection = new DetectionOptions();
        var fleet = new FleetState(time, detection);
        fleet.Load(terminals.Select(t => new TerminalSnapshot(new TerminalRegistration(t, "ST-0001", "PX-100", null))).ToList(), []);
        var derivation = new TelemetryDerivation(fleet, new TransactionBook(time, detection, fleet));
        var alone = new FleetOps.Web.Cluster.ChangeFanOut(new FleetOps.Web.Cluster.ClusterOptions(), databases.Options);
        var writer = new EventWriter(databases, derivation, alone, new IngestStatistics(time), time, NullLogger<EventWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var plans = terminals.Select(Plan).ToList();
        var next = new int[plans.Count]; // each plan's first event not yet sent (plans are in time order)
        long events = 0;
        for (var minute = 1; minute <= 1440; minute++)
        {
            var until = _dayStart.AddMinutes(minute);
            var writes = new List<Task<IngestResult>>(plans.Count);
            for (var i = 0; i < plans.Count; i++)
            {
                var from = next[i];
                while (next[i] < plans[i].Events.Count && plans[i].Events[next[i]].At < until) next[i]++;
                if (next[i] > from) writes.Add(writer.WriteAsync(plans[i].TerminalId, plans[i].Events[from..next[i]], CancellationToken.None));
            }
            foreach (var result in await Task.WhenAll(writes)) events += result.Accepted;
        }
        await writer.StopAsync(CancellationToken.None);
        Console.WriteLine($"{provider}: {terminals.Count:N0} terminals, {events:N0} events accepted in {watch.Elapsed.TotalSeconds:F0} s");

        var full = await SizeAsync(databases);
        foreach (var (table, bytes) in full.Tables.Where(t => t.Value > 0).OrderByDescending(t => t.Value))
        {
            var grown = bytes - empty.Tables.GetValueOrDefault(table);
            if (grown > 0) Console.WriteLine($"  {table}: {grown / terminals.Count:N0} bytes per terminal-day");
        }
        Console.WriteLine($"RESULT bytes_per_terminal_day={(full.Total - empty.Total) / terminals.Count} provider={provider} terminals={terminals.Count}");
    }

    /// <summary>One store and the terminals, registered as the management API would (key hashes only).</summary>
    private async Task<List<string>> RegisterAsync(FleetDbContextFactory databases)
    {
        await using var db = databases.CreateDbContext();
        await db.Database.MigrateAsync();
        db.Stores.Add(new StoreRow { Code = "ST-0001", Name = "Bench", Region = "East", TimeZone = "Asia/Shanghai", CreatedAt = _dayStart });
        var ids = Enumerable.Range(1, options.Terminals).Select(i => $"T-{i:D6}").ToList();
        db.Terminals.AddRange(ids.Select(id => new TerminalRow
        {
            TerminalId = id, StoreCode = "ST-0001", Model = "PX-100", KeyHash = TerminalKeys.Hash(TerminalKeys.NewKey()), RegisteredAt = _dayStart,
        }));
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>A terminal's day, in time order: heartbeats every minute, its sales, maybe one power loss.</summary>
    private (string TerminalId, List<TelemetryEvent> Events) Plan(string terminalId)
    {
        var events = new List<TelemetryEvent>();
        var offset = TimeSpan.FromMilliseconds(_random.Next(60_000)); // terminals do not beat in step
        DateTimeOffset? lostAt = _random.NextDouble() < LossyShare ? _dayStart.AddMinutes(_random.Next(60, 1380)) : null;
        var (bootBefore, bootAfter) = (NewId(), NewId());
        for (var minute = 0; minute < 1440; minute++)
        {
            var at = _dayStart.AddMinutes(minute) + offset;
            var rebooted = at > lostAt;
            events.Add(new HeartbeatEvent(NewId(), at, rebooted ? bootAfter : bootBefore, 86_400 + minute * 60, "4.2.0", "1.8.3",
                PowerSource.Mains, PendingReversals: 0, OpenBatchCount: minute / 60, OpenBatchAmountMinor: minute * 100, Currency: "CNY"));
        }
        if (lostAt is { } lost)
        {
            events.Add(new PowerEvent(NewId(), lost, PowerState.Lost));
            events.Add(new PowerEvent(NewId(), lost.AddMinutes(3), PowerState.Restored));
        }
        for (var s = 0; s < options.Sales; s++)
        {
            var authorized = _dayStart.AddMinutes(_random.Next(8 * 60, 21 * 60)).AddSeconds(_random.Next(60));
            var (sale, amount) = (NewId()[..16], _random.Next(100, 50_000));
            TransactionEvent Stage(TransactionStage stage, DateTimeOffset at) => new(NewId(), at, sale, stage, amount, "CNY",
                $"622848******{_random.Next(10_000):D4}", "A1B2C3", $"{_random.NextInt64(1_000_000_000_000):D12}"[..12], "000123");
            events.Add(Stage(TransactionStage.Authorized, authorized));
            events.Add(Stage(TransactionStage.Completed, authorized.AddSeconds(20)));
            events.Add(Stage(TransactionStage.Settled, _dayStart.AddHours(23).AddMinutes(_random.Next(50))));
        }
        events.Sort((a, b) => a.At.CompareTo(b.At));
        return (terminalId, events);
    }

    private static async Task<(long Total, Dictionary<string, long> Tables)> SizeAsync(FleetDbContextFactory databases)
    {
        await using var connection = databases.CreateConnection();
        await connection.OpenAsync();
        var tables = new Dictionary<string, long>(StringComparer.Ordinal);
        if (databases.Provider == DatabaseProvider.Postgres)
        {
            await ExecuteAsync(connection, "VACUUM");
            await using var sizes = connection.CreateCommand();
            sizes.CommandText = "SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace";
            await using var reader = await sizes.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables[reader.GetString(0)] = reader.GetInt64(1);
            return (tables.Values.Sum(), tables);
        }
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;");
        try
        {
            // dbstat gives each table's pages with its indexes named apart; fold them into their table.
            await using var stat = connection.CreateCommand();
            stat.CommandText = "SELECT coalesce(m.tbl_name, s.name), SUM(s.pgsize) FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY 1";
            await using var reader = await stat.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables[reader.GetString(0)] = reader.GetInt64(1);
        }
        catch (DbException)
        {
            // dbstat is not compiled into every SQLite; the total below does not need it.
        }
        await using var pages = connection.CreateCommand();
        pages.CommandText = "SELECT (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size())";
        return ((long)(await pages.ExecuteScalarAsync())!, tables);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task OnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Letters only, as the bench seeder's ids: the card-number guard would refuse long digit runs.</summary>
    private string NewId() => string.Create(24, _random, (chars, random) =>
    {
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)('a' + random.Next(26));
    });
}
