using System.Diagnostics;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using FleetOps.Core.Wire;

namespace FleetOps.Bench;

/// <summary>
/// Fills a fresh SQLite database (or an empty PostgreSQL one, for the PostgreSQL ingest benchmark) for the worklist benchmark: the server's migrations create it, stores and terminals are
/// added through EF, and power losses and transactions are written with the event writer's own commands, so every row
/// and every RecordJson is what the server itself would have written. Transactions are merged from their stage events
/// with <see cref="TransactionRecord.With"/>; they are spread over the last <c>Days</c> days. Open ones are spread over
/// the detection reasons (plus sales still within their limits); closed ones are mostly settled, some declined, voided
/// or reversed. Deterministic for a given seed (apart from "now").
/// <para>
/// With <c>Heartbeats</c> (the start-up benchmark) every terminal also gets that many heartbeats spread evenly over the
/// power horizon: one boot id until its power loss (if it had one) and a new one after it, the latest of which is in its
/// latest state — what start-up rebuilds each terminal's boot segments from.
/// </para>
/// </summary>
public sealed class Seeder(SeedOptions options)
{
    private const int CommitEvery = 50_000;
    private const double LossyShare = 0.1;
    private static readonly string[] Regions = ["North", "South", "East", "West", "Central", "Islands"];

    private readonly Random _random = new(options.Seed);
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    // Terminals that lost power once in the last days (interrupted sales happen there), and when.
    private readonly Dictionary<string, DateTimeOffset> _lossAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Before, string After)> _bootIds = new(StringComparer.Ordinal);
    private static readonly TimeSpan PowerHorizon = TimeSpan.FromDays(7);
    private readonly List<(string TerminalId, string StoreCode, string Currency)> _terminals = [];
    private readonly List<string> _keys = [];

    private string NewKey(string terminalId)
    {
        var key = TerminalKeys.NewKey();
        if (options.KeysFile is not null) _keys.Add(terminalId + "," + key);
        return key;
    }

    public async Task RunAsync()
    {
        var watch = Stopwatch.StartNew();
        var databases = new FleetDbContextFactory(options.Postgres is { } postgres
            ? new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres }
            : new DatabaseOptions { ConnectionString = $"Data Source={options.Database}" });
        var sqlite = databases.Provider == DatabaseProvider.Sqlite;
        databases.EnsureDataDirectory();
        await using (var db = databases.CreateDbContext())
        {
            await db.Database.MigrateAsync();
            if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            AddFleet(db);
            await db.SaveChangesAsync();
        }

        await using var connection = databases.CreateConnection();
        await connection.OpenAsync();
        if (sqlite)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous=OFF;"; // a throw-away database: no fsync per batch
            await pragma.ExecuteNonQueryAsync();
        }
        using var commands = new WriterCommands(connection, databases.Provider);
        var transaction = connection.BeginTransaction();
        commands.Enlist(transaction);
        foreach (var (terminalId, lostAt) in _lossAt)
        {
            commands.InsertEvent(terminalId, new PowerEvent(NewId(), lostAt, PowerState.Lost), lostAt);
            commands.InsertEvent(terminalId, new PowerEvent(NewId(), lostAt.AddMinutes(3), PowerState.Restored), lostAt.AddMinutes(3));
        }
        var heartbeats = 0;
        for (var h = 0; h < options.Heartbeats; h++)
        {
            // Round by round over all terminals, oldest first, as live traffic would arrive.
            var at = _now - PowerHorizon + (PowerHorizon - TimeSpan.FromMinutes(1)) * ((h + 1.0) / options.Heartbeats);
            foreach (var (terminalId, _, currency) in _terminals)
            {
                var (before, after) = _bootIds[terminalId];
                var bootId = _lossAt.TryGetValue(terminalId, out var lostAt) && at > lostAt ? after : before;
                commands.InsertEvent(terminalId, new HeartbeatEvent(NewId(), at, bootId, 3_600, "4.2.0", "1.8.3", PowerSource.Mains,
                    PendingReversals: 0, OpenBatchCount: 1, OpenBatchAmountMinor: 10_000, Currency: currency), at);
                if (++heartbeats % CommitEvery == 0)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                    commands.Enlist(transaction);
                }
            }
        }

        var openLeft = options.Open;
        for (var i = 0; i < options.Transactions; i++)
        {
            // Open ones interleaved with closed ones at random, exactly options.Open of them.
            var open = _random.NextDouble() * (options.Transactions - i) < openLeft;
            if (open) openLeft--;
            var (record, store) = open ? OpenSale() : ClosedSale();
            commands.UpsertTransaction(record, store, _now);
            if ((i + 1) % CommitEvery == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                commands.Enlist(transaction);
            }
        }
        transaction.Commit();
        transaction.Dispose();
        if (sqlite)
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        if (options.KeysFile is not null) await File.WriteAllLinesAsync(options.KeysFile, ["terminalId,key", .. _keys]);
        Console.WriteLine($"seeded {options.Transactions:N0} transactions ({options.Open:N0} open) on {options.Terminals:N0} terminals " +
                          $"in {options.Stores:N0} stores, {_lossAt.Count:N0} terminals with a power loss, {heartbeats:N0} heartbeats, " +
                          $"in {watch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine("  " + string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value:N0}")));
    }

    private void AddFleet(FleetDbContext db)
    {
        var stores = Enumerable.Range(1, options.Stores).Select(i =>
        {
            var region = Regions[i % Regions.Length];
            var british = region == "Islands";
            return new StoreRow
            {
                Code = $"ST-{i:D4}", Name = $"Store {i}", Region = region, CreatedAt = _now.AddDays(-options.Days - 30),
                TimeZone = british ? "Europe/London" : "Europe/Berlin",
            };
        }).ToList();
        db.Stores.AddRange(stores);
        for (var i = 0; i < options.Terminals; i++)
        {
            var store = stores[i % stores.Count];
            var terminalId = $"T-{i + 1:D6}";
            var currency = store.TimeZone == "Europe/London" ? "GBP" : "EUR";
            _terminals.Add((terminalId, store.Code, currency));
            if (_random.NextDouble() < LossyShare) _lossAt[terminalId] = Between(TimeSpan.FromHours(84), TimeSpan.FromHours(2));
            var pending = _random.NextDouble() < 0.02 ? _random.Next(1, 4) : 0;
            _bootIds[terminalId] = options.BootId is { } boot ? (boot, boot) : (NewId(), NewId());
            var heartbeat = new HeartbeatFacts(_now, _lossAt.ContainsKey(terminalId) ? _bootIds[terminalId].After : _bootIds[terminalId].Before, 86_400, "4.2.0", "1.8.3", PowerSource.Mains, null, pending, 1,
                _random.Next(0, 500_000), currency);
            db.Terminals.Add(new TerminalRow
            {
                TerminalId = terminalId, StoreCode = store.Code, Model = "PX-100", SerialNumber = $"SN{i + 1:D8}",
                KeyHash = TerminalKeys.Hash(NewKey(terminalId)), RegisteredAt = _now.AddDays(-options.Days - 30),
                LastSeenAtMs = HeardAt(i).ToUnixTimeMilliseconds(), LastContactAtMs = HeardAt(i).ToUnixTimeMilliseconds(),
                AppVersion = heartbeat.AppVersion, FirmwareVersion = heartbeat.FirmwareVersion,
                LatestStateJson = new LatestState(heartbeat, PowerSource.Mains, null, _now).ToJson(),
            });
        }
    }

    /// <summary>The first <see cref="SeedOptions.Offline"/> terminals went quiet an hour ago; the rest were heard just now.</summary>
    private DateTimeOffset HeardAt(int index) => index < options.Offline ? _now.AddHours(-1) : _now;

    /// <summary>
    /// An open sale: 15 % still within their limits (completed less than 26 h ago), 30 % completed and not settled,
    /// 20 % authorised more than 4 days ago, 25 % incomplete, 10 % interrupted by the terminal's power loss.
    /// </summary>
    private (TransactionRecord, string) OpenSale()
    {
        var roll = _random.NextDouble();
        if (roll < 0.10 && _lossAt.Count > 0)
        {
            var (terminalId, store, currency) = Terminal(lossy: true);
            var authorizedAt = _lossAt[terminalId] - TimeSpan.FromSeconds(_random.Next(5, 600));
            return Sale("open: interrupted_by_power_loss", terminalId, store, currency, authorizedAt, signed: false, completed: false);
        }
        var terminal = Terminal(lossy: false);
        return roll switch
        {
            < 0.35 => Sale("open: incomplete", terminal, Between(TimeSpan.FromHours(95), TimeSpan.FromMinutes(10)), completed: false),
            < 0.55 => Sale("open: authorization_expiring", terminal, Between(TimeSpan.FromDays(options.Days), TimeSpan.FromHours(97)),
                completed: _random.NextDouble() < 0.8),
            < 0.85 => Sale("open: not_settled", terminal, Between(TimeSpan.FromHours(95), TimeSpan.FromHours(27)), completed: true),
            _ => Sale("open: within limits", terminal, Between(TimeSpan.FromHours(25), TimeSpan.FromMinutes(10)), completed: true),
        };
    }

    /// <summary>A closed sale: 96 % settled, 2 % declined, 1 % voided, 1 % reversed (a few of them after a power loss: lost sales).</summary>
    private (TransactionRecord, string) ClosedSale()
    {
        var roll = _random.NextDouble();
        var terminal = Terminal(lossy: null);
        var authorizedAt = Between(TimeSpan.FromDays(options.Days), TimeSpan.FromHours(roll < 0.96 ? 26 : 0.2));
        var undo = roll switch
        {
            < 0.96 => TransactionStage.Settled,
            < 0.98 => TransactionStage.Declined,
            < 0.99 => TransactionStage.Voided,
            _ => TransactionStage.Reversed,
        };
        var (record, store) = Sale("closed: " + undo.ToWire(), terminal, authorizedAt, completed: undo == TransactionStage.Settled);
        var closedAt = undo == TransactionStage.Settled
            ? authorizedAt + TimeSpan.FromHours(_random.Next(2, 24))
            : authorizedAt + TimeSpan.FromSeconds(_random.Next(5, 120));
        return (record.With(Stage(record.TransactionId, undo, closedAt, record.AmountMinor, record.Currency)), store);
    }

    private (TransactionRecord, string) Sale(string kind, (string TerminalId, string StoreCode, string Currency) terminal,
        DateTimeOffset authorizedAt, bool completed) =>
        Sale(kind, terminal.TerminalId, terminal.StoreCode, terminal.Currency, authorizedAt, signed: _random.NextDouble() < 0.3, completed);

    private (TransactionRecord, string) Sale(string kind, string terminalId, string store, string currency, DateTimeOffset authorizedAt,
        bool signed, bool completed)
    {
        _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        var transactionId = RandomLetters(16);
        var amount = (long)Math.Round(100 * Math.Exp(_random.NextDouble() * Math.Log(500))); // 1.00 to 500.00, most small
        var authorized = new TransactionEvent(NewId(), authorizedAt, transactionId, TransactionStage.Authorized, amount, currency,
            MaskedPan: $"4{_random.Next(10_000, 99_999)}******{_random.Next(0, 10_000):D4}", AuthCode: $"{_random.Next(0, 1_000_000):D6}",
            Rrn: $"{_random.NextInt64(0, 1_000_000_000_000):D12}");
        var record = TransactionRecord.From(terminalId, authorized);
        var at = authorizedAt;
        if (signed) record = record.With(Stage(transactionId, TransactionStage.Signed, at = at.AddSeconds(_random.Next(5, 30)), amount, currency));
        if (completed) record = record.With(Stage(transactionId, TransactionStage.Completed, at.AddSeconds(_random.Next(2, 20)), amount, currency));
        return (record, store);
    }

    private TransactionEvent Stage(string transactionId, TransactionStage stage, DateTimeOffset at, long amount, string currency) =>
        new(NewId(), at, transactionId, stage, amount, currency,
            BatchNumber: stage is TransactionStage.Completed or TransactionStage.Settled ? $"{at:yyMMdd}" : null);

    /// <param name="lossy">true: a terminal that lost power; false: one that did not; null: any.</param>
    private (string TerminalId, string StoreCode, string Currency) Terminal(bool? lossy)
    {
        while (true)
        {
            var terminal = _terminals[_random.Next(_terminals.Count)];
            if (lossy is null || _lossAt.ContainsKey(terminal.TerminalId) == lossy) return terminal;
        }
    }

    /// <summary>A moment between <paramref name="from"/> ago and <paramref name="to"/> ago.</summary>
    private DateTimeOffset Between(TimeSpan from, TimeSpan to) => _now - (to + (from - to) * _random.NextDouble());

    private string NewId() => RandomLetters(24);

    /// <summary>
    /// Ids of letters only: the card-number guard refuses 13 or more digits between letters, separators included,
    /// which hex or a Guid can hold; seeded rows should look like what the telemetry API accepts.
    /// </summary>
    private string RandomLetters(int count) => string.Create(count, _random, (chars, random) =>
    {
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)('a' + random.Next(26));
    });
}
