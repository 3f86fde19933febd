using System.Net;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>The webhook tables on PostgreSQL: its migration applies, and a test delivery is queued, sent signed and logged.</summary>
public sealed class WebhookPostgresTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private WebhookReceiver _receiver = null!;

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
    public async Task A_test_delivery_is_sent_signed_and_logged()
    {
        await using var app = _database.Start();
        var hook = await app.SubscribeAsync(_receiver.BaseUrl + "/pg", "pg-secret", kinds: ["training_overdue"]);
        using var admin = app.CreateAdminClient();
        using var queued = await admin.PostAsync($"/api/v1/webhooks/{hook}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);

        var log = await Eventually.MatchesAsync(async () => { await app.SendDueAsync(); return await app.DeliveriesAsync(hook); },
            l => l.Count == 1 && Expect.Wire(l[0]!["status"]) == "delivered", "the test delivery to be delivered");

        var received = Assert.Single(_receiver.Received);
        Assert.True(received.SignedWith("pg-secret"));
        Assert.Equal(Expect.Wire(log[0]!["id"]), received.DeliveryId);
        Assert.Equal("test", Expect.Wire(received.Json["type"]));
    }
}
