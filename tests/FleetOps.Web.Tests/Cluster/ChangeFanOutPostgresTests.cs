using FleetOps.Core.Fleet;
using FleetOps.Web.Fleet;
using FleetOps.Web.Live;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using FleetOps.Web.Tests.Transactions;
using Xunit.Abstractions;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// Issue 17 item 2: what one node commits reaches every other node's memory, through NodeChanges + LISTEN/NOTIFY and
/// the periodic catch-up read. Two WebApplicationFactory hosts on one fresh database are two nodes.
/// </summary>
public sealed class ChangeFanOutPostgresTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    [PostgresFact]
    public async Task A_heartbeat_posted_to_node_A_puts_the_terminal_online_in_node_B()
    {
        await using var a = _database.StartNode();
        var (terminal, key) = await a.NewTerminalAsync(await a.CreateStoreAsync(Ids.New("S")));
        await using var b = _database.StartNode();
        Assert.Equal(Connectivity.Unknown, b.GetService<FleetState>().Get(terminal)!.Assessment.Connectivity);

        var at = Whole(DateTimeOffset.UtcNow);
        await a.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", at, appVersion: "3.4.0"));

        await Eventually.MatchesAsync(() => Task.FromResult(b.GetService<FleetState>().Get(terminal)!),
            s => s.Assessment.Connectivity == Connectivity.Online, "online on node B"); // how soon: Propagation_… below
        var state = await b.GetTerminalAsync(terminal); // what a user of node B reads
        Assert.Equal("online", Expect.Wire(state["connectivity"]));
        Assert.Equal("3.4.0", Expect.Wire(state["appVersion"]));
    }

    [PostgresFact]
    public async Task Events_posted_to_node_A_count_in_node_B_s_events_per_minute()
    {
        await using var a = _database.StartNode();
        var store = Ids.New("S");
        var (terminal, key) = await a.NewTerminalAsync(await a.CreateStoreAsync(store));
        await using var b = _database.StartNode();

        var at = Whole(DateTimeOffset.UtcNow);
        await a.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", at), Heartbeat("hb-2", at.AddSeconds(1)));

        // The overview's chart on B, for that store: each node counted only what reached it, so with a balancer in front
        // every dashboard showed about half of the fleet's traffic.
        long? Counted(FleetOpsApp node) => node.GetService<IngestStatistics>()
            .PerMinute(DateTimeOffset.UtcNow, 5, new HashSet<string>([store], StringComparer.OrdinalIgnoreCase)).Sum(m => m.Events);
        Assert.Equal(2, Counted(a));
        await Eventually.MatchesAsync(() => Task.FromResult(Counted(b)), n => n == 2, "two events counted on node B");
    }

    [PostgresFact]
    public async Task A_sale_posted_to_node_A_is_on_node_B_s_unsettled_worklist_with_the_same_reason()
    {
        await using var a = _database.StartNode();
        var interrupted = await Till.OpenAsync(a);
        var unsettledLong = await Till.OpenAsync(a, interrupted.Store);
        await using var b = _database.StartNode();

        var now = DateTimeOffset.UtcNow;
        await interrupted.SendSaleInAsync("interrupted_by_power_loss", "000777-0001", now);
        await unsettledLong.SendSaleInAsync("not_settled", "000777-0002", now);

        Assert.Equal("interrupted_by_power_loss", await a.ReasonAsync(interrupted, "000777-0001"));
        await Eventually.MatchesAsync(() => b.ReasonAsync(interrupted, "000777-0001"), r => r == "interrupted_by_power_loss", "reason on B");
        await Eventually.MatchesAsync(() => b.ReasonAsync(unsettledLong, "000777-0002"), r => r == "not_settled", "reason on B");

        // The settlement posted to A takes it off B's list too (a change of an open sale, not only a new one).
        await unsettledLong.SendAsync(Till.Sale("000777-0002:s", now.AddMinutes(-1), "000777-0002", "settled"));
        await Eventually.MatchesAsync(() => b.ReasonAsync(unsettledLong, "000777-0002"), r => r is null, "settled on B");
    }

    [PostgresFact]
    public async Task A_node_started_after_ingest_and_one_restarted_during_ingest_miss_nothing()
    {
        await using var a = _database.StartNode(new Dictionary<string, string?>
        {
            // The loop posts back to back for as long as B takes to restart: past the burst a fast spell outran the
            // per-terminal limit (10/s) and got 429 (CI, 2026-12-05). The limit is not what is tested here.
            ["FleetOps:RateLimits:TelemetryRequestsPerSecond"] = "1000", ["FleetOps:RateLimits:TelemetryBurst"] = "1000",
        });
        var store = await a.CreateStoreAsync(Ids.New("S"));
        var terminals = new List<(string Id, string Key)>();
        for (var i = 0; i < 4; i++) terminals.Add(await a.NewTerminalAsync(store));
        var last = new Dictionary<string, DateTimeOffset>();
        var start = Whole(DateTimeOffset.UtcNow).AddMinutes(-10);
        var sent = 0;
        var rounds = 0;
        var lastRoundTicks = DateTime.UtcNow.Ticks;
        async Task SendRoundAsync()
        {
            foreach (var (id, key) in terminals)
            {
                var at = start.AddSeconds(sent++);
                await a.PostAcceptedAsync(key, id, Heartbeat($"hb-{sent}", at));
                last[id] = at;
            }
            Interlocked.Increment(ref rounds);
            Interlocked.Exchange(ref lastRoundTicks, DateTime.UtcNow.Ticks);
        }
        await SendRoundAsync();

        var b = _database.StartNode(); // after A has ingested: it loads from the database
        foreach (var (id, _) in terminals) Assert.Equal(last[id], b.LastSeen(id));

        // B stops and starts again while A keeps ingesting (one sender only: the loop), so whatever A commits before,
        // during and after B's start-up must be on the new B.
        using var ingesting = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            while (!ingesting.IsCancellationRequested) await SendRoundAsync();
        });
        // Generous waits: what is tested is that B misses nothing, not how fast A ingests. Under the full suite's load
        // A's loop stalled past the default 10 s while B started, twice in 30-odd CI runs (alone it never did; not
        // explained: both nodes share this process's thread pool with the other test classes).
        var waitForIngest = TimeSpan.FromSeconds(90);
        // A post that fails (not 200) ends the loop: say why at once instead of waiting out the timeout for rounds that
        // will never come; and if the loop is still waiting on a post, say so (CI once timed out here after 86 rounds
        // with no other clue, 2026-12-04). The loop is stopped whatever happens, so a failure leaves no sender behind.
        Task<int> Rounds() => loop.IsFaulted ? Task.FromException<int>(loop.Exception!.GetBaseException()) : Task.FromResult(Volatile.Read(ref rounds));
        async Task WaitForRoundsAsync(int atLeast, string what)
        {
            try
            {
                await Eventually.MatchesAsync(Rounds, r => r >= atLeast, what, waitForIngest);
            }
            catch (Xunit.Sdk.XunitException timedOut)
            {
                throw new Xunit.Sdk.XunitException($"{timedOut.Message}; the loop is {loop.Status}, its last round ended " +
                    $"{(DateTime.UtcNow - new DateTime(Interlocked.Read(ref lastRoundTicks), DateTimeKind.Utc)).TotalSeconds:0.0} s ago");
            }
        }
        try
        {
            await WaitForRoundsAsync(2, "ingest under way");
            await b.DisposeAsync();
            b = _database.StartNode();
            await WaitForRoundsAsync(Volatile.Read(ref rounds) + 2, "rounds after the restart");
        }
        finally
        {
            await ingesting.CancelAsync();
        }
        await loop;
        await using var restarted = b;

        output.WriteLine($"{sent} heartbeats sent while B stopped and restarted");
        foreach (var (id, _) in terminals) await restarted.SeesAsync(id, last[id]);
    }

    [PostgresFact]
    public async Task A_killed_listening_session_loses_nothing_and_listens_again()
    {
        await using var a = _database.StartNode();
        var (terminal, key) = await a.NewTerminalAsync(await a.CreateStoreAsync(Ids.New("S")));
        await using var b = _database.StartNode();
        await Eventually.MatchesAsync(() => b.KillListenerAsync(_database), killed => killed == 1, "B's listening session killed");

        var at = Whole(DateTimeOffset.UtcNow);
        await a.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", at));
        await b.SeesAsync(terminal, at, TimeSpan.FromSeconds(3));

        // And it listens again, and the next heartbeat arrives.
        await Eventually.MatchesAsync(() => b.ListenersAsync(_database), n => n == 1, "B listening again");
        var next = at.AddSeconds(30);
        await a.PostAcceptedAsync(key, terminal, Heartbeat("hb-2", next));
        await b.SeesAsync(terminal, next);
    }

    [PostgresFact]
    public async Task A_single_node_announces_nothing_and_a_clustered_node_one_row_per_commit()
    {
        await using (var alone = _database.Start())
        {
            var (terminal, key) = await alone.NewTerminalAsync(await alone.CreateStoreAsync(Ids.New("S")));
            await alone.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", Whole(DateTimeOffset.UtcNow)));
        }
        Assert.Equal(0L, await CountTelemetryChangesAsync());

        await using var a = _database.StartNode();
        var (t2, k2) = await a.NewTerminalAsync(await a.CreateStoreAsync(Ids.New("S")));
        var at = Whole(DateTimeOffset.UtcNow);
        await a.PostAcceptedAsync(k2, t2, Heartbeat("hb-2", at));
        Assert.Equal(1L, await CountTelemetryChangesAsync());
        Assert.Equal(at, a.LastSeen(t2));
    }

    [PostgresFact]
    public async Task A_terminal_registered_on_node_A_posts_to_node_B_and_one_decommissioned_on_A_is_refused_by_B()
    {
        await using var a = _database.StartNode();
        await using var b = _database.StartNode();
        var store = await a.CreateStoreAsync(Ids.New("S"));
        await Eventually.MatchesAsync(() => Task.FromResult(b.GetService<StoreDirectory>().Get(store)), s => s is not null, "store on B");
        var (terminal, key) = await a.NewTerminalAsync(store);
        await Eventually.MatchesAsync(() => Task.FromResult(b.GetService<FleetState>().Get(terminal)), s => s is not null, "terminal on B");

        var at = Whole(DateTimeOffset.UtcNow);
        await b.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", at)); // B knows the key A issued
        await a.SeesAsync(terminal, at); // and A follows B

        Assert.True(await a.GetService<FleetRegistry>().DecommissionAsync(terminal)); // the terminal page's action
        await Eventually.MatchesAsync(async () =>
        {
            using var response = await b.PostTelemetryAsync(key, terminal, Heartbeat("hb-2", at.AddSeconds(30)));
            return response.StatusCode;
        }, status => status == System.Net.HttpStatusCode.Forbidden, "403 from B after the decommission on A");
    }

    /// <summary>
    /// The bulk import writes without EF; its announcement is part of its own transaction, so a caller that goes away the
    /// moment the rows are committed (a closed browser tab, a dropped connection) leaves neither node behind the database.
    /// </summary>
    [PostgresFact]
    public async Task An_import_whose_caller_goes_away_right_after_its_commit_is_on_both_nodes_with_working_keys()
    {
        await using var a = _database.StartNode();
        await using var b = _database.StartNode();
        var store = new StoreInfo(Ids.New("S"), "Imported store", "North", "Europe/Berlin");
        var terminals = Enumerable.Range(1, 3).Select(i => new TerminalRegistration(Ids.New("T"), store.Code, "PX-7", $"SN-{i}")).ToList();
        using var caller = new CancellationTokenSource();
        var committed = new CallerLeavesWhenAllWritten(terminals.Count, caller);

        var result = await a.GetService<FleetRegistry>().ImportAsync([store], terminals, committed, caller.Token);

        Assert.True(caller.IsCancellationRequested);
        Assert.Equal(terminals.Count, result.Registered.Count);
        foreach (var terminal in terminals) Assert.NotNull(a.GetService<FleetState>().Get(terminal.TerminalId));
        await Eventually.MatchesAsync(() => Task.FromResult(terminals.All(t => b.GetService<FleetState>().Get(t.TerminalId) is not null)),
            all => all, "every imported terminal on node B");
        var first = result.Registered[0];
        await b.PostAcceptedAsync(first.Key, first.TerminalId, Heartbeat("hb-1", Whole(DateTimeOffset.UtcNow)));
    }

    /// <summary>Reports progress on the caller's thread (unlike <see cref="Progress{T}"/>) and cancels once every row is written.</summary>
    private sealed class CallerLeavesWhenAllWritten(int rows, CancellationTokenSource caller) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value == rows) caller.Cancel();
        }
    }

    /// <summary>The propagation figure of docs/benchmarks.md: from A's 200 to B's fleet state, over many heartbeats.</summary>
    [PostgresFact]
    public async Task Propagation_from_node_A_s_answer_to_node_B_s_state()
    {
        const int Heartbeats = 200;
        await using var a = _database.StartNode(new Dictionary<string, string?>
        {
            // One terminal posting back to back: the per-terminal rate limit is not what is measured here.
            ["FleetOps:RateLimits:TelemetryRequestsPerSecond"] = "1000", ["FleetOps:RateLimits:TelemetryBurst"] = "1000",
        });
        var (terminal, key) = await a.NewTerminalAsync(await a.CreateStoreAsync(Ids.New("S")));
        await using var b = _database.StartNode();
        var start = Whole(DateTimeOffset.UtcNow).AddHours(-1);
        var delays = new List<double>(Heartbeats);
        for (var i = 0; i < Heartbeats; i++)
        {
            var at = start.AddSeconds(i);
            await a.PostAcceptedAsync(key, terminal, Heartbeat($"hb-{i}", at));
            var answered = System.Diagnostics.Stopwatch.StartNew();
            while (b.LastSeen(terminal) != at)
            {
                // A lost heartbeat, not a slow one: the goal (p50 ≤ 100 ms, p99 ≤ 300 ms) is read from the printed figure.
                Assert.True(answered.Elapsed < Eventually.DefaultTimeout, $"heartbeat {i} never reached node B");
                await Task.Delay(1);
            }
            delays.Add(answered.Elapsed.TotalMilliseconds);
        }
        delays.Sort();
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        output.WriteLine($"PROPAGATION heartbeats={Heartbeats} p50={delays[Heartbeats / 2]:F1}ms p99={delays[(int)(Heartbeats * 0.99) - 1]:F1}ms max={delays[^1]:F1}ms load={load}");
    }

    private async Task<long> CountTelemetryChangesAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("""SELECT count(*) FROM "NodeChanges" WHERE "Kind" = 'telemetry'""", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static DateTimeOffset Whole(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
