using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Notifications;
using Medallion.Threading;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Web.Tests.Election;

/// <summary>
/// The gate on elected work, on one app whose election lock the test hands out: a node that does not lead sends nothing
/// from the shared outbox, and sends it once it leads; <c>GET /api/v1/node</c> tells which it is.
/// </summary>
public sealed class ElectedWorkGatingTests : IAsyncLifetime
{
    private readonly HandedLock _lock = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task A_node_that_does_not_lead_sends_no_webhook_until_it_leads()
    {
        await using var app = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            Settings = new Dictionary<string, string?> { ["FleetOps:Webhooks:PollSeconds"] = "0.1", ["FleetOps:Leadership:RetrySeconds"] = "0.1" },
            TestServices = services => services.AddSingleton<IDistributedLock>(_lock),
        });
        var hook = await app.SubscribeAsync(_receiver.BaseUrl + "/gate", "gate-secret", kinds: ["training_overdue"]);
        using var admin = app.CreateAdminClient();
        using (var queued = await admin.PostAsync($"/api/v1/webhooks/{hook}/test", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        }
        var follower = await NodeAsync(admin);
        Assert.True(follower["elected"]!.GetValue<bool>());
        Assert.False(follower["leads"]!.GetValue<bool>());

        // Ten polls and ten lock retries long: a sender that ignored leadership would have sent the delivery by now.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(_receiver.Received);
        Assert.Equal("pending", Expect.Wire((await app.DeliveriesAsync(hook))[0]!["status"]));

        _lock.Open();
        await Eventually.MatchesAsync(() => Task.FromResult(_receiver.Received.Count), n => n == 1, "the leader to send the queued delivery");
        var leader = await NodeAsync(admin);
        Assert.True(leader["leads"]!.GetValue<bool>());
        Assert.NotNull(leader["leadingSince"]);
    }

    [Fact]
    public async Task A_node_alone_leads_and_says_so()
    {
        await using var app = new FleetOpsApp();
        using var admin = app.CreateAdminClient();

        var node = await NodeAsync(admin);

        Assert.False(node["elected"]!.GetValue<bool>());
        Assert.True(node["leads"]!.GetValue<bool>());
        Assert.Contains(Environment.MachineName, node["node"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<JsonObject> NodeAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/api/v1/node");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }
}
