using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Notifications;
using FleetOps.Web.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace FleetOps.Web.Tests.Election;

/// <summary>
/// Two nodes on one fresh PostgreSQL database, electing through its advisory lock: one leads, work that must happen once
/// happens once, and the lead moves to the other node within 15 s when the leader stops or loses its connection.
/// </summary>
public sealed class ElectionPostgresTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(15);
    private readonly PostgresDatabase _database = new();
    private WebhookReceiver _receiver = null!;

    /// <summary>Short clocks so that a terminal is offline, its alert opened and the webhook sent within a few seconds.</summary>
    private static readonly Dictionary<string, string?> NodeSettings = new()
    {
        ["FleetOps:Leadership:Mode"] = "Elect",
        ["FleetOps:Leadership:RetrySeconds"] = "1",
        ["FleetOps:Detection:OfflineAfterSeconds"] = "2",
        ["FleetOps:Alerts:EvaluateSeconds"] = "0.5",
        ["FleetOps:Webhooks:PollSeconds"] = "0.2",
    };

    public async Task InitializeAsync()
    {
        await _database.CreateAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [PostgresFact]
    public async Task Two_nodes_open_an_offline_alert_once_and_send_its_webhook_once()
    {
        // Set up on a node of its own and stopped, so that both nodes load the same terminal and subscription at start.
        string store, terminal;
        long hook;
        await using (var setup = _database.Start())
        {
            store = await setup.CreateStoreAsync(Ids.New("S"));
            (terminal, var key) = await setup.NewTerminalAsync(store);
            await setup.PostAcceptedAsync(key, terminal, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), DateTimeOffset.UtcNow));
            hook = await setup.SubscribeAsync(_receiver.BaseUrl + "/once", "once-secret", kinds: ["offline"]);
        }

        await using var a = _database.Start(NodeSettings);
        await using var b = _database.Start(NodeSettings);
        await Eventually.MatchesAsync(async () => new[] { await LeadsAsync(a), await LeadsAsync(b) }, l => l.Any(x => x), "a node to lead");
        Assert.Single(new[] { await LeadsAsync(a), await LeadsAsync(b) }, l => l);

        await Eventually.MatchesAsync(() => Task.FromResult(_receiver.Received.ForStore(store).Count), n => n >= 1,
            "the offline alert's webhook");
        // Six evaluations and fifteen polls of both nodes: a follower that evaluated or sent would have doubled them by now.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var received = Assert.Single(_receiver.Received.ForStore(store));
        Assert.Equal("alert.opened", Expect.Wire(received.Json["type"]));
        await using var db = a.GetService<FleetDbContextFactory>().CreateDbContext();
        Assert.Equal(1, await db.Alerts.CountAsync(r => r.TerminalId == terminal));
        Assert.Equal(1, await db.WebhookDeliveries.CountAsync(d => d.WebhookId == hook));
    }

    [PostgresFact]
    public async Task When_the_leader_stops_the_other_node_leads_within_15_s_and_opens_the_offline_alert()
    {
        var a = _database.Start(NodeSettings);
        await using var b = _database.Start(NodeSettings);
        string store, terminal;
        Stopwatch stopped;
        try
        {
            await Eventually.MatchesAsync(() => LeadsAsync(a), l => l, "the first node to lead");
            Assert.False(await LeadsAsync(b));
            // Only the follower hears the terminal: its silence must become an alert once the follower leads.
            store = await b.CreateStoreAsync(Ids.New("S"));
            (terminal, var key) = await b.NewTerminalAsync(store);
            await b.PostAcceptedAsync(key, terminal, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), DateTimeOffset.UtcNow));
            await b.SubscribeAsync(_receiver.BaseUrl + "/failover", "failover-secret", kinds: ["offline"]);
        }
        finally
        {
            // From the moment the leader begins to stop: its shutdown is part of the failover.
            stopped = Stopwatch.StartNew();
            await a.DisposeAsync();
        }

        await Eventually.MatchesAsync(() => LeadsAsync(b), l => l, "the other node to lead", Failover);
        output.WriteLine($"Failover after a graceful stop: {stopped.Elapsed.TotalSeconds:0.0} s");
        Assert.True(stopped.Elapsed < Failover);

        var alert = await Eventually.MatchesAsync(() => OfflineAlertAsync(b, terminal), found => found is not null, "the offline alert on the new leader");
        Assert.Equal("open", Expect.Wire(alert!["state"]));
        await Eventually.MatchesAsync(() => Task.FromResult(_receiver.Received.ForStore(store).Count), n => n == 1, "its webhook from the new leader");
    }

    [PostgresFact]
    public async Task A_leader_whose_lock_connection_dies_stops_leading_and_the_other_node_takes_over()
    {
        await using var a = _database.Start(NodeSettings);
        await using var b = _database.Start(NodeSettings);
        await Eventually.MatchesAsync(() => LeadsAsync(a), l => l, "the first node to lead");
        Assert.False(await LeadsAsync(b));

        // What a dropped network does to the leader's lock session (PostgreSQL frees the lock with it).
        Assert.Equal(1, await TerminateLockSessionAsync());

        var cut = Stopwatch.StartNew();
        await Eventually.MatchesAsync(() => LeadsAsync(a), l => !l, "the leader to stop leading when its lock connection dies");
        output.WriteLine($"The leader stopped leading {cut.Elapsed.TotalSeconds:0.0} s after its lock connection died");
        await Eventually.MatchesAsync(() => LeadsAsync(b), l => l, "the other node to lead", Failover);
        output.WriteLine($"Failover after the leader's lock connection died: {cut.Elapsed.TotalSeconds:0.0} s");
        Assert.True(cut.Elapsed < Failover);
        // Never two leaders: while B holds the lock, A's retries fail.
        Assert.False(await LeadsAsync(a));
    }

    private async Task<int> TerminateLockSessionAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND granted "
            + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> LeadsAsync(FleetOpsApp app)
    {
        using var admin = app.CreateAdminClient();
        using var response = await admin.GetAsync("/api/v1/node");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await Expect.JsonObjectAsync(response))["leads"]!.GetValue<bool>();
    }

    private static async Task<JsonNode?> OfflineAlertAsync(FleetOpsApp app, string terminal)
    {
        using var admin = app.CreateAdminClient();
        using var response = await admin.GetAsync($"/api/v1/alerts?terminal={terminal}&kind=offline");
        return (await Expect.JsonObjectAsync(response))["items"]!.AsArray().FirstOrDefault();
    }
}
