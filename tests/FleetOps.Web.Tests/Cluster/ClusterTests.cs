using System.Net;
using FleetOps.Web.Live;
using FleetOps.Web.Notifications;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Hosting;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// Issue 17 items 3 and 5 on two nodes: a sign-in on one is good on the other, a hub message for a user reaches their
/// connection on the other node through the Redis backplane, a user disabled on one loses their connections on the other,
/// and Redis going away stops neither ingest nor the node — and when it is back, messages and user changes flow again.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private const string Notice = "notice";
    private static readonly TimeSpan CloseLimit = TimeSpan.FromSeconds(10);
    private readonly ClusterNodes _nodes = new();

    private FleetOpsApp A => _nodes.A;

    private FleetOpsApp B => _nodes.B;

    [ClusterFact]
    public async Task A_cookie_issued_by_node_A_signs_the_user_in_on_node_B()
    {
        var user = await _nodes.UserOnAKnownToBAsync(Roles.Technician);
        var cookie = await A.SignedInCookieAsync(user);

        await Expect.StatusAsync(await DataProtectionKeyTests.GetWithCookieAsync(B, cookie), HttpStatusCode.OK);
        await Expect.StatusAsync(await DataProtectionKeyTests.GetWithCookieAsync(B, "fleetops.auth=not-a-cookie"), HttpStatusCode.Unauthorized);
    }

    [ClusterFact]
    public async Task A_hub_message_sent_to_a_user_on_node_A_reaches_their_connection_on_node_B()
    {
        var user = await _nodes.UserOnAKnownToBAsync();
        await using var feed = await HubFeed.StartAsync(B, token: null, await A.SignedInCookieAsync(user));
        var received = Listen(feed);

        // The client is told it is connected before B has subscribed its user's channel in Redis (pub/sub keeps nothing),
        // so A sends until one arrives, bounded by the wait.
        await SendUntilHeardAsync(user, "from A", received, "a message from A to reach B", Eventually.DefaultTimeout);

        Assert.Equal("from A", await received.Task);
    }

    [ClusterFact]
    public async Task Disabling_a_user_on_node_A_closes_their_hub_connection_on_node_B()
    {
        var user = await _nodes.UserOnAKnownToBAsync(Roles.StoreManager);
        var cookie = await A.SignedInCookieAsync(user);
        await using var feed = await HubFeed.StartAsync(B, token: null, cookie);

        await A.SetDisabledAsync(user, disabled: true);

        await feed.Closed.WaitAsync(CloseLimit);
        // The connection may also close on B's late news of an earlier change of the user (its sign-in on A), before the
        // disable's news: B must come to read the user as disabled, and then refuse them a new connection.
        await Eventually.MatchesAsync(() => Task.FromResult(B.GetService<UserDirectory>().Get(user.Id)!.Disabled), disabled => disabled,
            "node B's directory to read the user as disabled", CloseLimit);
        await using var again = HubFeed.Connect(B, token: null, cookie);
        await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
    }

    /// <summary>
    /// Mail is written by whichever node is elected to send it, and pages may be served by either: a language chosen on A
    /// must be read on B too (before, B kept the language it loaded at start until it restarted).
    /// </summary>
    [ClusterFact]
    public async Task A_language_chosen_on_node_A_is_the_one_node_B_writes_mail_in()
    {
        var user = await _nodes.UserOnAKnownToBAsync(Roles.Technician);
        await using (var scope = A.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetCultureAsync(user.Id, "zh-CN")).Succeeded);
        }

        await Eventually.MatchesAsync(() => Task.FromResult(B.GetService<MailService>().LanguageOf(B.GetService<UserDirectory>().Get(user.Id)!).Name),
            language => language == "zh-CN", "node B to write the user's mail in the language chosen on A", CloseLimit);
    }

    [ClusterFact]
    public async Task A_token_made_on_node_A_works_on_node_B_until_it_is_revoked_on_A()
    {
        var user = await _nodes.UserOnAKnownToBAsync();
        var (tokenId, token) = await A.CreateApiTokenAsync(user);
        using var onB = B.CreateTokenClient(token);
        await Eventually.MatchesAsync(async () => (await onB.GetAsync("/api/v1/stores")).StatusCode, s => s == HttpStatusCode.OK, "node B to accept the token");
        await using var feed = await HubFeed.StartAsync(B, token);

        Assert.NotNull(await A.GetService<ApiTokenDirectory>().RevokeAsync(tokenId, user.Id, anyOwner: true, "admin@fleetops.test"));

        await feed.Closed.WaitAsync(CloseLimit);
        await Expect.StatusAsync(await onB.GetAsync("/api/v1/stores"), HttpStatusCode.Unauthorized);
    }

    [ClusterFact]
    public async Task A_token_rotated_through_node_A_is_refused_on_node_B_and_its_successor_accepted_there()
    {
        var user = await _nodes.UserOnAKnownToBAsync();
        var (_, token) = await A.CreateApiTokenAsync(user, "nightly export", TimeSpan.FromDays(30));
        using var onB = B.CreateTokenClient(token);
        await Eventually.MatchesAsync(async () => (await onB.GetAsync("/api/v1/stores")).StatusCode, s => s == HttpStatusCode.OK, "node B to accept the token");
        using var onA = A.CreateTokenClient(token);

        using var rotated = await onA.PostAsync("/api/v1/tokens/current/rotate", null);

        await Expect.StatusAsync(rotated, HttpStatusCode.Created);
        using var successorOnB = B.CreateTokenClient(Expect.Wire((await Expect.JsonObjectAsync(rotated))["token"]));
        await Eventually.MatchesAsync(async () => (await onB.GetAsync("/api/v1/stores")).StatusCode, s => s == HttpStatusCode.Unauthorized,
            "node B to refuse the replaced token");
        await Eventually.MatchesAsync(async () => (await successorOnB.GetAsync("/api/v1/stores")).StatusCode, s => s == HttpStatusCode.OK,
            "node B to accept its successor");
    }

    [ClusterFact]
    public async Task A_terminal_registered_on_node_B_just_after_its_store_was_made_on_node_A_is_accepted()
    {
        // As the simulator behind the balancer does it: the store on one node, its terminal on the other, at once.
        var store = await A.CreateStoreAsync(Ids.New("S"));

        var key = await B.RegisterTerminalAsync(Ids.New("T"), store);

        Assert.NotEmpty(key);
    }

    [ClusterFact]
    public async Task Without_Redis_node_A_ingests_answers_live_and_reports_Redis_degraded_but_ready()
    {
        var (terminal, key) = await A.NewTerminalAsync();

        await _nodes.Redis.StopAsync();

        await Expect.StatusAsync(await A.PostTelemetryAsync(key, terminal, Heartbeat(terminal, DateTimeOffset.UtcNow)), HttpStatusCode.OK);
        using var client = A.CreateClient();
        await Expect.StatusAsync(await client.GetAsync("/health/live"), HttpStatusCode.OK);
        await Eventually.MatchesAsync(async () =>
        {
            using var response = await client.GetAsync("/health/ready");
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }, answer => answer == "200 Degraded", "node A to report Redis degraded and stay ready");
        await Expect.StatusAsync(await A.PostTelemetryAsync(key, terminal, Heartbeat(terminal, DateTimeOffset.UtcNow)), HttpStatusCode.OK);
    }

    [ClusterFact]
    public async Task A_dashboard_on_node_B_hears_of_each_change_committed_on_node_A_once_not_once_per_node()
    {
        var (terminal, key) = await A.NewTerminalAsync();
        await using var feed = await HubFeed.StartAsync(B, FleetOpsApp.AdminToken);
        var now = DateTimeOffset.UtcNow;

        await PostAndHearAsync(A, feed, terminal, key, "hb-first", now, "4.0.1");
        await PostAndHearAsync(A, feed, terminal, key, "hb-second", now.AddSeconds(1), "4.0.2");
        // Every node holds the whole fleet, so each node's broadcaster pushes each change; groups shared through Redis would
        // bring A's push to B's dashboard too, a few milliseconds after B's own. A second is far longer than that path.
        await Task.Delay(TimeSpan.FromSeconds(1));

        var versions = feed.Received.Where(t => t.GetProperty("terminalId").GetString() == terminal)
            .Select(t => t.GetProperty("appVersion").GetString()).ToList();
        Assert.Equal(1, versions.Count(v => v == "4.0.1"));
        Assert.Equal(1, versions.Count(v => v == "4.0.2"));
    }

    [ClusterFact]
    public async Task While_Redis_is_down_a_dashboard_on_node_A_still_sees_terminal_changes_taken_by_A_and_by_B()
    {
        var (terminal, key) = await A.NewTerminalAsync();
        await using var feed = await HubFeed.StartAsync(A, FleetOpsApp.AdminToken);
        var now = DateTimeOffset.UtcNow;
        // The premise: the dashboard is fully connected (its connect handler has run) before Redis stops.
        await PostAndHearAsync(A, feed, terminal, key, "hb-up", now, "6.0.0");
        await _nodes.Redis.StopAsync();

        await PostAndHearAsync(A, feed, terminal, key, "hb-down-a", now.AddSeconds(1), "6.0.1");
        // B's change reaches A through PostgreSQL (the change feed); A's own broadcaster pushes it to A's dashboard.
        await PostAndHearAsync(B, feed, terminal, key, "hb-down-b", now.AddSeconds(2), "6.0.2");
    }

    /// <summary>
    /// Issue 17: "Redis stopped for 30 s and started again: nodes keep ingesting, catch up, no lost updates". The outage is
    /// <see cref="RedisOutage"/> (5 s, so CI stays short; <c>FLEETOPS_TEST_REDIS_OUTAGE_SECONDS=30</c> runs the 30 s):
    /// nothing in it depends on its length — the nodes follow each other through PostgreSQL, and the Redis client retries
    /// every second either way.
    /// </summary>
    [ClusterFact]
    public async Task During_a_Redis_outage_both_nodes_ingest_and_follow_each_other_and_after_it_B_learns_of_user_changes_made_meanwhile()
    {
        var disabledMeanwhile = await _nodes.UserOnAKnownToBAsync(Roles.Technician);
        var (terminal, key) = await A.NewTerminalAsync();
        await _nodes.Redis.StopAsync();
        var outageEnds = DateTimeOffset.UtcNow + RedisOutage;
        await A.SetDisabledAsync(disabledMeanwhile, disabled: true); // the news cannot reach B now

        var now = DateTimeOffset.UtcNow;
        await Expect.StatusAsync(await A.PostTelemetryAsync(key, terminal, Heartbeat("hb-outage-a", now, appVersion: "5.0.1")), HttpStatusCode.OK);
        await Eventually.MatchesAsync(() => AppVersionAsync(B, terminal), v => v == "5.0.1", "node B to follow what A took while Redis is away");
        await Expect.StatusAsync(await B.PostTelemetryAsync(key, terminal, Heartbeat("hb-outage-b", now.AddSeconds(1), appVersion: "5.0.2")), HttpStatusCode.OK);
        await Eventually.MatchesAsync(() => AppVersionAsync(A, terminal), v => v == "5.0.2", "node A to follow what B took while Redis is away");
        Assert.False(B.GetService<UserDirectory>().Get(disabledMeanwhile.Id)!.Disabled); // the premise: B has not heard yet
        // The scenario's own pace, not a wait for a condition: Redis stays away for the whole outage.
        if (outageEnds > DateTimeOffset.UtcNow) await Task.Delay(outageEnds - DateTimeOffset.UtcNow);

        await _nodes.Redis.StartAsync();

        await Eventually.MatchesAsync(() => Task.FromResult(B.GetService<UserDirectory>().Get(disabledMeanwhile.Id)!.Disabled),
            disabled => disabled, "B to learn of the user disabled on A during the outage", TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Was an open defect: B closed the client's connection as the outage began, because the hub's connect handler (which
    /// runs after the client is told it is connected) was still subscribing the connection's group channel in Redis, and a
    /// failed subscribe ends the connection. Groups are each node's own now (FleetHubLifetimeManager) and touch no Redis.
    /// The premise is a connection fully set up — its user channel subscribed, shown by a message arriving — before Redis stops.
    /// </summary>
    [ClusterFact]
    public async Task After_a_Redis_outage_a_hub_message_from_A_reaches_a_client_still_connected_to_B()
    {
        var user = await _nodes.UserOnAKnownToBAsync();
        await using var feed = await HubFeed.StartAsync(B, token: null, await A.SignedInCookieAsync(user));
        // As in the test above: B subscribes the user's channel just after the client is told it is connected, so A sends
        // until one arrives (CI once saw a single message sent miss).
        var before = Listen(feed);
        await SendUntilHeardAsync(user, "before the outage", before, "a message from A to reach B before the outage", Eventually.DefaultTimeout);
        Assert.Equal("before the outage", await before.Task);
        await _nodes.Redis.StopAsync();
        await Task.Delay(RedisOutage); // the outage itself

        await _nodes.Redis.StartAsync();

        // Until A has reconnected a send fails after a short wait, and one sent before B has subscribed again is lost
        // (pub/sub keeps nothing): A keeps sending until one arrives, bounded by the wait.
        var received = Listen(feed);
        await SendUntilHeardAsync(user, "after the outage", received, "a message from A to reach B after Redis is back", TimeSpan.FromSeconds(30));
    }

    /// <summary>Sends the notice from A every quarter second, a failed send counting as not heard, until B's client has it.</summary>
    private async Task SendUntilHeardAsync(TestUser user, string text, TaskCompletionSource<string> received, string because, TimeSpan within) =>
        await Eventually.MatchesAsync(async () =>
        {
            try
            {
                await SendNoticeAsync(user, text);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                return false;
            }
            return await Task.WhenAny(received.Task, Task.Delay(250)) == received.Task;
        }, arrived => arrived, because, within);

    private static TimeSpan RedisOutage =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("FLEETOPS_TEST_REDIS_OUTAGE_SECONDS"), out var seconds) ? seconds : 5);

    private static async Task<string?> AppVersionAsync(FleetOpsApp node, string terminal)
    {
        using var client = node.CreateAdminClient();
        using var response = await client.GetAsync($"/api/v1/terminals/{terminal}");
        return response.IsSuccessStatusCode ? (await Expect.JsonObjectAsync(response))["appVersion"]?.GetValue<string>() : null;
    }

    /// <summary>Posts a heartbeat with this app version to <paramref name="node"/> and waits until the feed has it.</summary>
    private static async Task PostAndHearAsync(FleetOpsApp node, HubFeed feed, string terminal, string key, string eventId, DateTimeOffset at,
        string appVersion)
    {
        await Expect.StatusAsync(await node.PostTelemetryAsync(key, terminal, Heartbeat(eventId, at, appVersion: appVersion)), HttpStatusCode.OK);
        await feed.WaitForAsync(terminal, appVersion);
    }

    private Task SendNoticeAsync(TestUser user, string text) =>
        A.GetService<IHubContext<FleetHub>>().Clients.User(user.Id).SendAsync(Notice, text);

    private static TaskCompletionSource<string> Listen(HubFeed feed)
    {
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        feed.Connection.On<string>(Notice, text => received.TrySetResult(text));
        return received;
    }

    public Task InitializeAsync() => _nodes.InitializeAsync();

    public Task DisposeAsync() => _nodes.DisposeAsync();
}
