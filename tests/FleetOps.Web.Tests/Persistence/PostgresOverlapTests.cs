using System.Collections.Concurrent;
using System.Net;
using FleetOps.Core.Fleet;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Tests.Infrastructure;
using Npgsql;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// On PostgreSQL the event writer writes group N+1 on its second connection while group N's COMMIT is in flight, when
/// the two share no terminal (issue 17). The test holds N's COMMIT open with a deferred constraint trigger that waits for
/// an advisory lock the test holds; the same trigger notes, in a table of the test, each event's transaction start
/// (<c>now()</c>), the moment its COMMIT got past the lock (<c>clock_timestamp()</c>) and the writer's session.
/// Power events are used: they are rows of <c>TelemetryEvents</c> (heartbeats go to their hour roll-ups).
/// </summary>
public sealed class PostgresOverlapTests : IAsyncLifetime
{
    private const long HoldLock = 1717;
    private const long PoisonLock = 1718;

    private static readonly string CommitTrigger =
        $"""
        CREATE TABLE overlap_marks ("EventId" text PRIMARY KEY, xact_start timestamptz, committing_at timestamptz, pid int);
        CREATE FUNCTION overlap_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW."EventId" LIKE 'hold%' THEN PERFORM pg_advisory_xact_lock({HoldLock}); END IF;
            IF NEW."EventId" LIKE 'poison%' THEN PERFORM pg_advisory_xact_lock({PoisonLock}); RAISE EXCEPTION 'poison'; END IF;
            INSERT INTO overlap_marks VALUES (NEW."EventId", now(), clock_timestamp(), pg_backend_pid());
            RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER overlap_commit AFTER INSERT ON "TelemetryEvents" DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION overlap_commit();
        """;

    // Several requests of one terminal in a moment; the rate limit is not what these tests are about.
    private static readonly Dictionary<string, string?> NoRateLimit = new()
    {
        ["FleetOps:RateLimits:TelemetryRequestsPerSecond"] = "100000",
        ["FleetOps:RateLimits:TelemetryBurst"] = "100000",
    };

    private readonly PostgresDatabase _database = new();
    private readonly DateTimeOffset _at = DateTimeOffset.UtcNow.AddMinutes(-1);

    [PostgresFact]
    public async Task A_group_sharing_no_terminal_with_the_commit_in_flight_is_written_beside_it_and_answered_after_it()
    {
        await using var app = await StartAsync();
        var (a, aKey) = await app.NewTerminalAsync();
        var (b, bKey) = await app.NewTerminalAsync();
        var published = new ConcurrentQueue<string>();
        using var subscription = app.GetService<FleetState>().Subscribe(s => s.TerminalId == a || s.TerminalId == b,
            batch => { foreach (var s in batch) published.Enqueue(s.TerminalId); return Task.CompletedTask; }, TimeSpan.Zero);

        HttpResponseMessage first, second;
        await using (var hold = await AdvisoryLock.TakeAsync(_database.ConnectionString, HoldLock))
        {
            var firstAnswer = app.PostTelemetryAsync(aKey, a, Power("hold-a", _at));
            var holder = await CommitWaitsAsync();
            var secondAnswer = app.PostTelemetryAsync(bKey, b, Power("p-b", _at));
            var beside = await WrittenBesideAsync(holder);

            Assert.False(secondAnswer.IsCompleted, "the second group must not be answered before the first committed");
            Assert.Null(app.GetService<FleetState>().Get(b)!.LastContactAt);
            await hold.ReleaseAsync();
            (first, second) = (await firstAnswer, await secondAnswer);
            Assert.Equal(beside, (await MarkAsync("p-b")).Pid);
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var (held, besideMark) = (await MarkAsync("hold-a"), await MarkAsync("p-b"));
        Assert.NotEqual(held.Pid, besideMark.Pid);
        Assert.True(besideMark.XactStart < held.CommittingAt, "the second group's transaction began before the first's COMMIT went through");
        Assert.True(besideMark.CommittingAt > held.CommittingAt, "the second group committed after the first");
        Assert.Equal(1, app.GetService<EventWriter>().OverlappedGroups);
        await Eventually.MatchesAsync(() => Task.FromResult(published.Distinct().ToList()), p => p.Count == 2, "both terminals to be published");
        Assert.Equal([a, b], published.Distinct());
    }

    [PostgresFact]
    public async Task A_group_sharing_a_terminal_with_the_commit_in_flight_is_written_after_that_commit()
    {
        await using var app = await StartAsync();
        var (a, aKey) = await app.NewTerminalAsync();

        await using (var hold = await AdvisoryLock.TakeAsync(_database.ConnectionString, HoldLock))
        {
            var firstAnswer = app.PostTelemetryAsync(aKey, a, Power("hold-a", _at));
            await CommitWaitsAsync();
            var secondAnswer = app.PostTelemetryAsync(aKey, a, Power("p-a2", _at.AddSeconds(1), "restored"));
            var writer = app.GetService<EventWriter>();
            await Eventually.MatchesAsync(() => Task.FromResult(writer.HeldBackGroups), n => n == 1, "the writer to hold the second request back");

            Assert.False(secondAnswer.IsCompleted, "the second request must wait for the first's commit");
            await hold.ReleaseAsync();
            using var first = await firstAnswer;
            using var second = await secondAnswer;
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        var (held, after) = (await MarkAsync("hold-a"), await MarkAsync("p-a2"));
        Assert.True(after.XactStart > held.CommittingAt, "the shared terminal's second group was written only after the first committed");
        Assert.Equal(2, await app.StoredEventsAsync(a));
        Assert.Equal(0, app.GetService<EventWriter>().OverlappedGroups);
    }

    [PostgresFact]
    public async Task A_group_refused_at_commit_is_isolated_while_the_next_group_waits_written_and_then_commits()
    {
        await using var app = await StartAsync();
        var (a, aKey) = await app.NewTerminalAsync();
        var (b, bKey) = await app.NewTerminalAsync();
        var (poisoned, poisonKey) = await app.NewTerminalAsync();
        var (good, goodKey) = await app.NewTerminalAsync();
        var (next, nextKey) = await app.NewTerminalAsync();
        var writer = app.GetService<EventWriter>();

        await using var poison = await AdvisoryLock.TakeAsync(_database.ConnectionString, PoisonLock);
        Task<HttpResponseMessage> poisonAnswer, goodAnswer, nextAnswer;
        await using (var hold = await AdvisoryLock.TakeAsync(_database.ConnectionString, HoldLock))
        {
            // A holds its COMMIT, B is written beside it; meanwhile the poisoned and the good request queue up together.
            var aAnswer = app.PostTelemetryAsync(aKey, a, Power("hold-a", _at));
            var holder = await CommitWaitsAsync();
            var bAnswer = app.PostTelemetryAsync(bKey, b, Power("p-b", _at));
            await WrittenBesideAsync(holder);
            poisonAnswer = app.PostTelemetryAsync(poisonKey, poisoned, Power("poison-1", _at));
            goodAnswer = app.PostTelemetryAsync(goodKey, good, Power("p-good", _at));
            await Eventually.MatchesAsync(() => Task.FromResult(writer.QueuedRequests), n => n == 2, "the poisoned and the good request to queue");
            await hold.ReleaseAsync();
            using (var answer = await aAnswer) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using (var answer = await bAnswer) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        // The group of the poisoned and the good request now waits in its COMMIT; the next group is written beside it.
        var refusing = await CommitWaitsAsync();
        nextAnswer = app.PostTelemetryAsync(nextKey, next, Power("p-next", _at));
        await WrittenBesideAsync(refusing);
        Assert.False(nextAnswer.IsCompleted, "the next group must wait for the refused group's outcome");
        await poison.ReleaseAsync();

        using (var answer = await poisonAnswer) Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        using (var answer = await goodAnswer) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using (var answer = await nextAnswer) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(0, await app.StoredEventsAsync(poisoned));
        foreach (var terminal in new[] { a, b, good, next }) Assert.Equal(1, await app.StoredEventsAsync(terminal));
        Assert.Equal(4, await app.StoredEventsAsync());
        Assert.Null(app.GetService<FleetState>().Get(poisoned)!.LastContactAt);
        Assert.NotNull(app.GetService<FleetState>().Get(next)!.LastContactAt);
    }

    [PostgresFact]
    public async Task The_database_lost_under_both_groups_answers_both_503_stores_nothing_and_the_writer_recovers()
    {
        await using var app = await StartAsync();
        var (a, aKey) = await app.NewTerminalAsync();
        var (b, bKey) = await app.NewTerminalAsync();

        await using (await AdvisoryLock.TakeAsync(_database.ConnectionString, HoldLock))
        {
            var aAnswer = app.PostTelemetryAsync(aKey, a, Power("hold-a", _at));
            var holder = await CommitWaitsAsync();
            var bAnswer = app.PostTelemetryAsync(bKey, b, Power("p-b", _at));
            var beside = await WrittenBesideAsync(holder);
            // Both writer sessions die: the one in its COMMIT and the one holding the next group's statements.
            await TerminateAsync(holder, beside);
            using (var answer = await aAnswer) Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            using (var answer = await bAnswer) Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        }
        Assert.Equal(0, await app.StoredEventsAsync());
        Assert.Null(app.GetService<FleetState>().Get(b)!.LastContactAt);

        // Resent, the same events are new: nothing of the lost commits was stored half-way.
        Assert.Equal(1, (await app.PostAcceptedAsync(aKey, a, Power("hold-a", _at)))["accepted"]!.GetValue<int>());
        Assert.Equal(1, (await app.PostAcceptedAsync(bKey, b, Power("p-b", _at)))["accepted"]!.GetValue<int>());
        Assert.Equal(2, await app.StoredEventsAsync());
    }

    [PostgresFact]
    public async Task When_only_the_commit_in_flight_loses_its_connection_the_group_beside_it_is_judged_on_its_own()
    {
        await using var app = await StartAsync();
        var (a, aKey) = await app.NewTerminalAsync();
        var (b, bKey) = await app.NewTerminalAsync();

        await using (await AdvisoryLock.TakeAsync(_database.ConnectionString, HoldLock))
        {
            var aAnswer = app.PostTelemetryAsync(aKey, a, Power("hold-a", _at));
            var holder = await CommitWaitsAsync();
            var bAnswer = app.PostTelemetryAsync(bKey, b, Power("p-b", _at));
            await WrittenBesideAsync(holder);
            await TerminateAsync(holder);
            using (var answer = await aAnswer) Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            using (var answer = await bAnswer) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        Assert.Equal(0, await app.StoredEventsAsync(a));
        Assert.Equal(1, await app.StoredEventsAsync(b));

        // The lost connection is opened again for the next group.
        Assert.Equal(1, (await app.PostAcceptedAsync(aKey, a, Power("p-a", _at)))["accepted"]!.GetValue<int>());
        Assert.Equal(1, (await app.PostAcceptedAsync(bKey, b, Power("p-b2", _at)))["accepted"]!.GetValue<int>());
        Assert.Equal(3, await app.StoredEventsAsync());
    }

    [PostgresFact]
    public async Task The_change_follower_waits_while_a_group_is_in_flight_and_meanwhile_the_writer_overlaps_nothing()
    {
        var clustered = new Dictionary<string, string?>(NoRateLimit) { [Web.Cluster.ChangeFanOut.EnabledKey] = "true" };
        await using var a = _database.Start(clustered);
        await using var b = _database.Start(clustered);
        var store = await a.CreateStoreAsync(Ids.New("S"));
        var (fromA, fromAKey) = await a.NewTerminalAsync(store);
        var (held, heldKey) = await b.NewTerminalAsync(store);
        var (later, laterKey) = await b.NewTerminalAsync(store);
        await Eventually.MatchesAsync(() => Task.FromResult(b.GetService<FleetState>().Get(fromA)), s => s is not null, "node B to know node A's terminal");
        await b.ExecuteSqlAsync(CommitTrigger);
        var (derivation, writer) = (b.GetService<TelemetryDerivation>(), b.GetService<EventWriter>());

        await using (var hold = await AdvisoryLock.TakeAsync(_database.ConnectionString, HoldLock))
        {
            var heldAnswer = b.PostTelemetryAsync(heldKey, held, Power("hold-b", _at));
            await CommitWaitsAsync();
            // Node A commits a terminal's event; node B's follower reads it and must not publish while B's group is in flight.
            await a.PostAcceptedAsync(fromAKey, fromA, Power("p-a", _at));
            await Eventually.MatchesAsync(() => Task.FromResult(derivation.FollowerWaits), waits => waits, "node B's follower to wait for the writer");
            Assert.Null(b.GetService<FleetState>().Get(fromA)!.LastSeenAt);
            // While the follower waits, a disjoint group is not written beside the one in flight.
            var laterAnswer = b.PostTelemetryAsync(laterKey, later, Power("p-later", _at));
            await Eventually.MatchesAsync(() => Task.FromResult(writer.HeldBackGroups), n => n == 1, "node B's writer to hold the group back");
            await hold.ReleaseAsync();
            using (var answer = await heldAnswer) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using (var answer = await laterAnswer) Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        await Eventually.MatchesAsync(() => Task.FromResult(b.GetService<FleetState>().Get(fromA)!.LastSeenAt), seen => seen is not null,
            "node B to apply node A's event once nothing is in flight");
        Assert.False(derivation.FollowerWaits);
        Assert.Equal(0, writer.OverlappedGroups);
        Assert.True((await MarkAsync("p-later")).XactStart > (await MarkAsync("hold-b")).CommittingAt, "the held-back group was written after the commit in flight");
    }

    private async Task<FleetOpsApp> StartAsync()
    {
        var app = _database.Start(NoRateLimit);
        await app.ExecuteSqlAsync(CommitTrigger);
        return app;
    }

    /// <returns>The writer session whose COMMIT waits for the test's advisory lock.</returns>
    private async Task<int> CommitWaitsAsync() => (int)await Eventually.MatchesAsync(
        () => ScalarAsync("""
            SELECT COALESCE(max(pid), 0) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'
            """),
        pid => pid != 0, "a writer's COMMIT to wait for the advisory lock");

    /// <returns>Another session that has written in a transaction still open (the next group, beside the held COMMIT).</returns>
    private async Task<int> WrittenBesideAsync(int holder) => (int)await Eventually.MatchesAsync(
        () => ScalarAsync("""
            SELECT COALESCE(max(pid), 0) FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'idle in transaction' AND backend_xid IS NOT NULL AND pid <> @pid
            """, holder),
        pid => pid != 0, "the next group's statements to run on the writer's other connection");

    private async Task TerminateAsync(params int[] sessions)
    {
        foreach (var pid in sessions) Assert.Equal(1L, await ScalarAsync("SELECT CASE WHEN pg_terminate_backend(@pid) THEN 1 ELSE 0 END", pid));
    }

    private async Task<Mark> MarkAsync(string eventId)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT xact_start, committing_at, pid FROM overlap_marks WHERE "EventId" = @id""", connection);
        command.Parameters.AddWithValue("id", eventId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no commit mark for {eventId}");
        return new Mark(reader.GetFieldValue<DateTime>(0), reader.GetFieldValue<DateTime>(1), reader.GetInt32(2));
    }

    private async Task<long> ScalarAsync(string sql, int? pid = null)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (pid is { } id) command.Parameters.AddWithValue("pid", id);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Mark(DateTime XactStart, DateTime CommittingAt, int Pid);

    /// <summary>A session-level advisory lock held by the test on a connection of its own until released or disposed.</summary>
    private sealed class AdvisoryLock(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        private bool _held = true;

        public static async Task<AdvisoryLock> TakeAsync(string connectionString, long key)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync();
            return new AdvisoryLock(connection, key);
        }

        public async Task ReleaseAsync()
        {
            if (!_held) return;
            _held = false;
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync() => await connection.DisposeAsync();
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
