using System.Text.Json.Nodes;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// Heartbeats are stored as one roll-up per terminal and hour plus one segment per boot (issue 9): a resend is still a
/// duplicate, and the roll-up holds the same facts whatever order the heartbeats arrive in — on SQLite and PostgreSQL,
/// whose merge SQL differs.
/// </summary>
public sealed class HeartbeatRollupTests : IAsyncLifetime
{
    private readonly PostgresDatabase _postgres = new();

    [Fact]
    public async Task On_sqlite_a_resent_heartbeat_is_a_duplicate()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions());
        await ResentHeartbeatIsDuplicateAsync(app);
    }

    [PostgresFact]
    public async Task On_postgres_a_resent_heartbeat_is_a_duplicate()
    {
        await using var app = _postgres.Start();
        await ResentHeartbeatIsDuplicateAsync(app);
    }

    [Fact]
    public async Task On_sqlite_the_hour_rollup_and_boots_hold_count_times_battery_range_versions_after_out_of_order_heartbeats()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions());
        await RollupAfterOutOfOrderHeartbeatsAsync(app);
    }

    [PostgresFact]
    public async Task On_postgres_the_hour_rollup_and_boots_hold_count_times_battery_range_versions_after_out_of_order_heartbeats()
    {
        await using var app = _postgres.Start();
        await RollupAfterOutOfOrderHeartbeatsAsync(app);
    }

    [Fact]
    public async Task On_sqlite_an_id_twice_in_one_batch_is_stored_once_and_the_repeat_counted_as_a_duplicate()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions());
        await IdTwiceInOneBatchAsync(app);
    }

    [PostgresFact]
    public async Task On_postgres_an_id_twice_in_one_batch_is_stored_once_and_the_repeat_counted_as_a_duplicate()
    {
        await using var app = _postgres.Start();
        await IdTwiceInOneBatchAsync(app);
    }

    [Fact]
    public async Task On_sqlite_a_batch_spanning_two_hours_fills_both_hour_rows_and_one_boot()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions());
        await BatchSpanningTwoHoursAsync(app);
    }

    [PostgresFact]
    public async Task On_postgres_a_batch_spanning_two_hours_fills_both_hour_rows_and_one_boot()
    {
        await using var app = _postgres.Start();
        await BatchSpanningTwoHoursAsync(app);
    }

    [Fact]
    public async Task On_sqlite_after_a_merged_batch_its_ids_are_duplicates_in_the_next_batch()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions());
        await DuplicateAcrossMergedBatchesAsync(app);
    }

    [PostgresFact]
    public async Task On_postgres_after_a_merged_batch_its_ids_are_duplicates_in_the_next_batch()
    {
        await using var app = _postgres.Start();
        await DuplicateAcrossMergedBatchesAsync(app);
    }

    [Fact]
    public async Task On_sqlite_parallel_requests_into_one_hour_accept_each_id_once()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions());
        await ParallelRequestsIntoOneHourAsync(app);
    }

    [PostgresFact]
    public async Task On_postgres_parallel_requests_into_one_hour_accept_each_id_once()
    {
        await using var app = _postgres.Start();
        await ParallelRequestsIntoOneHourAsync(app);
    }

    [Fact]
    public async Task On_sqlite_lone_heartbeats_of_two_hours_in_one_request_are_judged_each_and_extend_one_boot()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions());
        await LoneHeartbeatsOfTwoHoursAsync(app);
    }

    /// <summary>
    /// A commit's lone heartbeats (one per terminal-hour, the common case) are judged one by one: a resend among them is
    /// told apart from a new one beside it, another terminal in the same commit is not confused with them, and two new ones
    /// of one boot in two hours both extend its segment. (On PostgreSQL they travel in one round trip.)
    /// </summary>
    [PostgresFact]
    public async Task On_postgres_lone_heartbeats_of_two_hours_in_one_request_are_judged_each_and_extend_one_boot()
    {
        await using var app = _postgres.Start();
        await LoneHeartbeatsOfTwoHoursAsync(app);
    }

    private static async Task LoneHeartbeatsOfTwoHoursAsync(FleetOpsApp app)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var (other, otherKey) = await app.NewTerminalAsync();
        var first = PreviousHour().AddHours(-1);
        var second = first.AddHours(1);
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", first.AddMinutes(50)));

        // A resend in the first hour and a new heartbeat in the second, each alone in its terminal-hour; another terminal
        // beside them in the same commit is not confused with them.
        var answers = await Task.WhenAll(
            app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", first.AddMinutes(50)), Heartbeat("hb-2", second.AddMinutes(5))),
            app.PostAcceptedAsync(otherKey, other, Heartbeat("hb-1", second.AddMinutes(7))));

        // Then two new ones, each alone in its hour, of the same boot: the boot segment takes both ends at once.
        var both = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-3", first.AddMinutes(40)), Heartbeat("hb-4", second.AddMinutes(20)));

        Assert.Equal((1, 1), (answers[0]["accepted"]!.GetValue<int>(), answers[0]["duplicates"]!.GetValue<int>()));
        Assert.Equal((1, 0), (answers[1]["accepted"]!.GetValue<int>(), answers[1]["duplicates"]!.GetValue<int>()));
        Assert.Equal((2, 0), (both["accepted"]!.GetValue<int>(), both["duplicates"]!.GetValue<int>()));
        Assert.Equal([(first, 2), (second, 2)],
            (await HoursAsync(app, terminal)).OrderBy(h => h.HourMs).Select(h => (DateTimeOffset.FromUnixTimeMilliseconds(h.HourMs), h.Count)));
        await using var db = app.GetService<FleetDbContextFactory>().CreateDbContext();
        var boot = await db.TerminalBoots.SingleAsync(b => b.TerminalId == terminal);
        Assert.Equal((first.AddMinutes(40), second.AddMinutes(20)),
            (DateTimeOffset.FromUnixTimeMilliseconds(boot.FirstAtMs), DateTimeOffset.FromUnixTimeMilliseconds(boot.LastAtMs)));
        var otherBoot = await db.TerminalBoots.SingleAsync(b => b.TerminalId == other);
        Assert.Equal(second.AddMinutes(7), DateTimeOffset.FromUnixTimeMilliseconds(otherBoot.LastAtMs));
    }

    private static async Task IdTwiceInOneBatchAsync(FleetOpsApp app)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var hour = PreviousHour();

        var answer = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", hour.AddMinutes(1)), Heartbeat("hb-2", hour.AddMinutes(2)),
            Heartbeat("hb-1", hour.AddMinutes(1)), Heartbeat("hb-3", hour.AddMinutes(3)));

        Assert.Equal(3, answer["accepted"]!.GetValue<int>());
        Assert.Equal(1, answer["duplicates"]!.GetValue<int>());
        var row = Assert.Single(await HoursAsync(app, terminal));
        Assert.Equal(3, row.Count);
        Assert.Equal(3 * 8, row.EventIds.Length);
    }

    private static async Task BatchSpanningTwoHoursAsync(FleetOpsApp app)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var first = PreviousHour().AddHours(-1);
        var second = first.AddHours(1);

        var answer = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-a", first.AddMinutes(50)), Heartbeat("hb-x", second.AddMinutes(5)),
            Heartbeat("hb-b", first.AddMinutes(55)), Heartbeat("hb-y", second.AddMinutes(10)), Heartbeat("hb-z", second.AddMinutes(15)));

        Assert.Equal(5, answer["accepted"]!.GetValue<int>());
        var rows = (await HoursAsync(app, terminal)).OrderBy(h => h.HourMs).ToList();
        Assert.Equal(
            [(first, 2, first.AddMinutes(50), first.AddMinutes(55)), (second, 3, second.AddMinutes(5), second.AddMinutes(15))],
            rows.Select(r => (DateTimeOffset.FromUnixTimeMilliseconds(r.HourMs), r.Count,
                DateTimeOffset.FromUnixTimeMilliseconds(r.FirstAtMs), DateTimeOffset.FromUnixTimeMilliseconds(r.LastAtMs))));
        await using var db = app.GetService<FleetDbContextFactory>().CreateDbContext();
        var boot = await db.TerminalBoots.SingleAsync(b => b.TerminalId == terminal);
        Assert.Equal((first.AddMinutes(50), second.AddMinutes(15)),
            (DateTimeOffset.FromUnixTimeMilliseconds(boot.FirstAtMs), DateTimeOffset.FromUnixTimeMilliseconds(boot.LastAtMs)));
    }

    private static async Task DuplicateAcrossMergedBatchesAsync(FleetOpsApp app)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var hour = PreviousHour();
        await app.PostAcceptedAsync(key, terminal, Enumerable.Range(1, 4).Select(n => (JsonNode)Heartbeat($"hb-{n}", hour.AddMinutes(n))).ToArray());

        var answer = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-3", hour.AddMinutes(3)), Heartbeat("hb-5", hour.AddMinutes(5)),
            Heartbeat("hb-5", hour.AddMinutes(5)), Heartbeat("hb-1", hour.AddMinutes(1)));

        Assert.Equal(1, answer["accepted"]!.GetValue<int>());
        Assert.Equal(3, answer["duplicates"]!.GetValue<int>());
        var row = Assert.Single(await HoursAsync(app, terminal));
        Assert.Equal(5, row.Count);
        Assert.Equal(hour.AddMinutes(5).ToUnixTimeMilliseconds(), row.LastAtMs);
    }

    /// <summary>Requests that wait together are one commit and merge into one row: each still gets its own counts.</summary>
    private static async Task ParallelRequestsIntoOneHourAsync(FleetOpsApp app)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var hour = PreviousHour();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(n => app.PostAcceptedAsync(key, terminal,
            Heartbeat($"hb-own-{n}", hour.AddMinutes(n)), Heartbeat("hb-shared", hour.AddMinutes(30)))));

        Assert.Equal(11, answers.Sum(a => a["accepted"]!.GetValue<int>()));
        Assert.Equal(9, answers.Sum(a => a["duplicates"]!.GetValue<int>()));
        Assert.Equal(11, Assert.Single(await HoursAsync(app, terminal)).Count);
    }

    private static async Task ResentHeartbeatIsDuplicateAsync(FleetOpsApp app)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var hour = PreviousHour();
        JsonNode[] batch = [Heartbeat("hb-1", hour.AddMinutes(1)), Heartbeat("hb-2", hour.AddMinutes(2)), Power("p-1", hour.AddMinutes(3))];
        Assert.Equal(3, (await app.PostAcceptedAsync(key, terminal, batch))["accepted"]!.GetValue<int>());

        var resent = await app.PostAcceptedAsync(key, terminal, batch);
        var single = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-2", hour.AddMinutes(2)), Heartbeat("hb-3", hour.AddMinutes(3)));

        Assert.Equal(0, resent["accepted"]!.GetValue<int>());
        Assert.Equal(3, resent["duplicates"]!.GetValue<int>());
        Assert.Equal(1, single["accepted"]!.GetValue<int>());
        Assert.Equal(1, single["duplicates"]!.GetValue<int>());
        Assert.Equal(4, await app.StoredEventsAsync(terminal));
        Assert.Equal(3, (await HoursAsync(app, terminal)).Single().Count);
    }

    private static async Task RollupAfterOutOfOrderHeartbeatsAsync(FleetOpsApp app)
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var hour = PreviousHour();
        static JsonObject Beat(string id, DateTimeOffset at, string boot, string app, string firmware, int battery)
        {
            var heartbeat = Heartbeat(id, at, bootId: boot, appVersion: app, firmwareVersion: firmware);
            heartbeat["batteryPercent"] = battery;
            return heartbeat;
        }
        // A store-and-forward backlog: newest first, then the oldest, then one from the middle in a request of its own.
        await app.PostAcceptedAsync(key, terminal,
            Beat("hb-c", hour.AddMinutes(50), "boot-B", "3.3.0", "1.9.0", 60),
            Beat("hb-a", hour.AddMinutes(10), "boot-A", "3.2.1", "1.8.0", 95));
        await app.PostAcceptedAsync(key, terminal, Beat("hb-b", hour.AddMinutes(30), "boot-A", "3.2.1", "1.8.0", 80));
        await app.PostAcceptedAsync(key, terminal, Beat("hb-d", hour.AddMinutes(20), "boot-A", "3.3.0", "1.9.0", 70));

        var row = Assert.Single(await HoursAsync(app, terminal));
        Assert.Equal(hour.ToUnixTimeMilliseconds(), row.HourMs);
        Assert.Equal(4, row.Count);
        Assert.Equal(hour.AddMinutes(10).ToUnixTimeMilliseconds(), row.FirstAtMs);
        Assert.Equal(hour.AddMinutes(50).ToUnixTimeMilliseconds(), row.LastAtMs);
        Assert.Equal((60, 95), (row.MinBattery, row.MaxBattery));
        Assert.Equal([("3.3.0", "1.9.0"), ("3.2.1", "1.8.0")], row.VersionPairs());
        Assert.Equal(4 * 8, row.EventIds.Length);

        await using var db = app.GetService<FleetDbContextFactory>().CreateDbContext();
        var boots = await db.TerminalBoots.Where(b => b.TerminalId == terminal).OrderBy(b => b.FirstAtMs).ToListAsync();
        Assert.Equal(
            [("boot-A", hour.AddMinutes(10), hour.AddMinutes(30)), ("boot-B", hour.AddMinutes(50), hour.AddMinutes(50))],
            boots.Select(b => (b.BootId, DateTimeOffset.FromUnixTimeMilliseconds(b.FirstAtMs), DateTimeOffset.FromUnixTimeMilliseconds(b.LastAtMs))));
        // The heartbeat effects in memory are what they were: the newest heartbeat's facts, the reboot without a shutdown.
        var state = await app.GetTerminalAsync(terminal);
        Assert.Equal("3.3.0", Expect.Wire(state["appVersion"]));
        Assert.Equal(1, state["power"]!["lossesInWindow"]!.GetValue<int>());
    }

    private static async Task<List<HeartbeatHourRow>> HoursAsync(FleetOpsApp app, string terminal)
    {
        await using var db = app.GetService<FleetDbContextFactory>().CreateDbContext();
        return await db.HeartbeatHours.AsNoTracking().Where(h => h.TerminalId == terminal).ToListAsync();
    }

    /// <summary>The start of the previous UTC hour: a whole hour in the past, well inside the retention window.</summary>
    internal static DateTimeOffset PreviousHour()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
    }

    public Task InitializeAsync() => _postgres.CreateAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();
}
