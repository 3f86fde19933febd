using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Tests.Infrastructure;
using Npgsql;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// On PostgreSQL the event writer sends a commit's statements in batches, not row by row (issue 17): duplicates are still
/// decided per terminal and event id, inside one request and across commits; requests of several terminals in one commit
/// each get their own counts; and a commit that fails after its inserts leaves nothing behind, so a resend is new.
/// The writer is held inside a commit by a row lock the test takes on a terminal's latest state.
/// </summary>
public sealed class PostgresGroupCommitTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    [PostgresFact]
    public async Task Duplicates_inside_a_batch_and_across_commits_are_counted_once_for_every_kind_of_event()
    {
        await using var app = _database.Start();
        var (terminal, key) = await app.NewTerminalAsync();
        var hour = HeartbeatRollupTests.PreviousHour();

        // Three heartbeats share an hour (merged into one row), one is alone in the hour before.
        var first = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", hour.AddMinutes(1)), Heartbeat("hb-2", hour.AddMinutes(2)),
            Heartbeat("hb-1", hour.AddMinutes(1)), Power("p-1", hour.AddMinutes(3)), Power("p-1", hour.AddMinutes(3)),
            Transaction("tx-1", hour.AddMinutes(4)), Heartbeat("hb-9", hour.AddMinutes(-30)));
        var second = await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-2", hour.AddMinutes(2)), Heartbeat("hb-9", hour.AddMinutes(-30)),
            Power("p-1", hour.AddMinutes(3)), Heartbeat("hb-3", hour.AddMinutes(5)), Power("p-2", hour.AddMinutes(6), "restored"));

        Assert.Equal((5, 2), Counts(first));
        Assert.Equal((2, 3), Counts(second));
        Assert.Equal(7, await app.StoredEventsAsync(terminal));
    }

    [PostgresFact]
    public async Task Requests_of_several_terminals_in_one_commit_each_get_their_own_counts()
    {
        await using var app = _database.Start();
        var (holder, holderKey) = await app.NewTerminalAsync();
        var terminals = new List<(string Id, string Key)>();
        for (var i = 0; i < 4; i++) terminals.Add(await app.NewTerminalAsync());
        var hour = HeartbeatRollupTests.PreviousHour();

        await using var held = await HoldLatestStateAsync(holder);
        var holding = app.PostTelemetryAsync(holderKey, holder, Heartbeat("hb-h", hour.AddMinutes(1)));
        await WriterWaitsForLockAsync();
        // The same ids on every terminal: ids are unique per terminal, so each terminal accepts its own.
        var requests = terminals.Select(t => app.PostAcceptedAsync(t.Key, t.Id, Heartbeat("hb-1", hour.AddMinutes(1)),
            Heartbeat("hb-2", hour.AddMinutes(2)), Heartbeat("hb-1", hour.AddMinutes(1)), Power("p-1", hour.AddMinutes(3)))).ToList();
        var writer = app.GetService<EventWriter>();
        await Eventually.MatchesAsync(() => Task.FromResult(writer.QueuedRequests), n => n == terminals.Count, "the requests to wait for the writer");
        await held.RollbackAsync();

        using (var response = await holding) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var answer in await Task.WhenAll(requests)) Assert.Equal((3, 1), Counts(answer));
        foreach (var (id, _) in terminals) Assert.Equal(3, await app.StoredEventsAsync(id));
        Assert.Equal(1L, await ScalarAsync("""
            SELECT count(DISTINCT xmin::text) FROM (SELECT xmin FROM "HeartbeatHours" WHERE "TerminalId" = ANY(@ids)
                UNION ALL SELECT xmin FROM "TelemetryEvents" WHERE "TerminalId" = ANY(@ids)
                UNION ALL SELECT xmin FROM "Terminals" WHERE "TerminalId" = ANY(@ids)) written
            """, terminals.Select(t => t.Id).ToArray()));
        // Each terminal's row holds its own latest state, written in the same commit as its events (above).
        var fleet = app.GetService<FleetOps.Core.Fleet.FleetState>();
        foreach (var (id, _) in terminals)
        {
            var live = fleet.Get(id)!;
            Assert.Equal(live.LastSeenAt!.Value.ToUnixTimeMilliseconds(), await ScalarAsync(
                """SELECT "LastSeenAtMs" FROM "Terminals" WHERE "TerminalId" = @id AND "LatestStateJson" IS NOT NULL""", id));
        }
    }

    [PostgresFact]
    public async Task A_commit_cut_off_after_its_inserts_stores_nothing_and_its_resend_is_accepted_as_new()
    {
        await using var app = _database.Start();
        var (terminal, key) = await app.NewTerminalAsync();
        var hour = HeartbeatRollupTests.PreviousHour();
        JsonNode[] batch = [Heartbeat("hb-1", hour.AddMinutes(1)), Heartbeat("hb-2", hour.AddMinutes(2)), Heartbeat("hb-3", hour.AddMinutes(-20)),
            Power("p-1", hour.AddMinutes(3)), Transaction("tx-1", hour.AddMinutes(4))];

        await using (var held = await HoldLatestStateAsync(terminal))
        {
            var cut = app.PostTelemetryAsync(key, terminal, batch);
            var writer = await WriterWaitsForLockAsync();
            // The writer's events are inserted; its latest-state update waits for the lock. Its connection dies there.
            Assert.Equal(1L, await ScalarAsync("SELECT CASE WHEN pg_terminate_backend(@pid) THEN 1 ELSE 0 END", writer));
            using var response = await cut;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        Assert.Equal(0, await app.StoredEventsAsync(terminal));

        var resent = await app.PostAcceptedAsync(key, terminal, batch);

        Assert.Equal((5, 0), Counts(resent));
        Assert.Equal(5, await app.StoredEventsAsync(terminal));
    }

    /// <summary>
    /// The COMMIT travels in the commit's last batch, after the latest-state updates. A refused update there must keep the
    /// COMMIT from running (PostgreSQL skips a batch's rest after a failure): the request gets 503 with nothing of its
    /// events stored, and the writer's connection goes on committing the next requests, each in its own transaction.
    /// </summary>
    [PostgresFact]
    public async Task A_statement_refused_in_the_batch_that_carries_the_commit_stores_nothing_and_the_next_commits_go_on()
    {
        await using var app = _database.Start();
        var (refused, refusedKey) = await app.NewTerminalAsync();
        var (good, goodKey) = await app.NewTerminalAsync();
        await app.ExecuteSqlAsync($"""
            CREATE FUNCTION refuse_terminal() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW."TerminalId" = '{refused}' THEN RAISE EXCEPTION 'refused by the test'; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_terminal BEFORE UPDATE ON "Terminals" FOR EACH ROW EXECUTE FUNCTION refuse_terminal();
            """);
        var hour = HeartbeatRollupTests.PreviousHour();

        using (var response = await app.PostTelemetryAsync(refusedKey, refused, Heartbeat("hb-1", hour.AddMinutes(1)), Power("p-1", hour.AddMinutes(2))))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, await app.StoredEventsAsync(refused));

        for (var i = 0; i < 3; i++)
        {
            var answer = await app.PostAcceptedAsync(goodKey, good, Heartbeat($"hb-{i}", hour.AddMinutes(i)), Power($"p-{i}", hour.AddMinutes(i)));
            Assert.Equal((2, 0), Counts(answer));
        }
        Assert.Equal(6, await app.StoredEventsAsync(good));
        // Each request was its own transaction, committed: nothing waits open on the writer's connection.
        Assert.Equal(0L, await ScalarAsync("""
            SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'
            """));
        Assert.Equal(hour.AddMinutes(2), app.GetService<FleetOps.Core.Fleet.FleetState>().Get(good)!.LastSeenAt);
    }

    /// <summary>
    /// Lone heartbeats of several terminals go in one statement that assumes each is new (<see cref="Web.Persistence.PostgresHeartbeatCommit"/>).
    /// A resent one among them must not be counted twice nor move its terminal's latest state back, and must not cost the
    /// others their heartbeats: the commit is decided again the careful way.
    /// </summary>
    [PostgresFact]
    public async Task A_resent_heartbeat_among_lone_heartbeats_of_one_commit_is_a_duplicate_and_the_others_are_accepted()
    {
        await using var app = _database.Start();
        var (holder, holderKey) = await app.NewTerminalAsync();
        var (resender, resenderKey) = await app.NewTerminalAsync();
        var others = new List<(string Id, string Key)>();
        for (var i = 0; i < 3; i++) others.Add(await app.NewTerminalAsync());
        var hour = HeartbeatRollupTests.PreviousHour();
        Assert.Equal((1, 0), Counts(await app.PostAcceptedAsync(resenderKey, resender, Heartbeat("hb-1", hour.AddMinutes(5)))));
        Assert.Equal((1, 0), Counts(await app.PostAcceptedAsync(resenderKey, resender, Heartbeat("hb-2", hour.AddMinutes(6)))));

        await using var held = await HoldLatestStateAsync(holder);
        var holding = app.PostTelemetryAsync(holderKey, holder, Heartbeat("hb-h", hour.AddMinutes(1)));
        await WriterWaitsForLockAsync();
        // The resent heartbeat is older than the terminal's latest: believed new, it would set the latest state back.
        var resent = app.PostAcceptedAsync(resenderKey, resender, Heartbeat("hb-1", hour.AddMinutes(5)));
        var fresh = others.Select(t => app.PostAcceptedAsync(t.Key, t.Id, Heartbeat("hb-1", hour.AddMinutes(7)))).ToList();
        var writer = app.GetService<EventWriter>();
        await Eventually.MatchesAsync(() => Task.FromResult(writer.QueuedRequests), n => n == others.Count + 1, "the requests to wait for the writer");
        await held.RollbackAsync();

        using (var response = await holding) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0, 1), Counts(await resent));
        foreach (var answer in await Task.WhenAll(fresh)) Assert.Equal((1, 0), Counts(answer));
        Assert.Equal(2, await app.StoredEventsAsync(resender));
        Assert.Equal(hour.AddMinutes(6).ToUnixTimeMilliseconds(), await ScalarAsync("""SELECT "LastSeenAtMs" FROM "Terminals" WHERE "TerminalId" = @id""", resender));
        Assert.Equal(hour.AddMinutes(6), app.GetService<FleetOps.Core.Fleet.FleetState>().Get(resender)!.LastSeenAt);
        foreach (var (id, _) in others)
        {
            Assert.Equal(1, await app.StoredEventsAsync(id));
            Assert.Equal(hour.AddMinutes(7).ToUnixTimeMilliseconds(), await ScalarAsync("""SELECT "LastSeenAtMs" FROM "Terminals" WHERE "TerminalId" = @id""", id));
        }
    }

    private static (int Accepted, int Duplicates) Counts(JsonObject answer) =>
        (answer["accepted"]!.GetValue<int>(), answer["duplicates"]!.GetValue<int>());

    /// <summary>A transaction holding the terminal's row: the writer's commit that updates it waits until it ends.</summary>
    private async Task<HeldRow> HoldLatestStateAsync(string terminal)
    {
        var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""SELECT 1 FROM "Terminals" WHERE "TerminalId" = @id FOR UPDATE""", connection, transaction);
        command.Parameters.AddWithValue("id", terminal);
        Assert.Equal(1, await command.ExecuteScalarAsync());
        return new HeldRow(connection, transaction);
    }

    private sealed class HeldRow(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public Task RollbackAsync() => transaction.RollbackAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <returns>The process id of the writer's session, once it waits for a lock.</returns>
    private async Task<int> WriterWaitsForLockAsync() => (int)await Eventually.MatchesAsync(
        () => ScalarAsync("""
            SELECT COALESCE(max(pid), 0) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
            """),
        pid => pid != 0, "the writer to wait for the held row");

    private async Task<long> ScalarAsync(string sql, object? argument = null)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (argument is string[] ids) command.Parameters.AddWithValue("ids", ids);
        if (argument is string id) command.Parameters.AddWithValue("id", id);
        if (argument is int pid) command.Parameters.AddWithValue("pid", pid);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
