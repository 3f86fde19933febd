using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using Events = FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>
/// Webhook deliveries (docs/api.md §5) to a real HTTP receiver: signed, announced for opened, acknowledged and resolved
/// alerts, retried with the same id and bytes after a 500, and never for a muted store.
/// </summary>
[Collection(AlertClockCollection.Name)]
public sealed class WebhookDeliveryTests(AlertClockApp app) : WebhookReceiverTest(app)
{
    private const string Secret = "s3cret-of-the-receiver";

    [Fact]
    public async Task Opened_acknowledged_and_resolved_alerts_are_delivered_with_a_signature_the_receiver_can_verify()
    {
        var (hook, path) = await SubscribeAsync(Secret);
        var (store, terminal, key) = await App.OfflineTerminalAsync();
        await App.SendDueAsync();

        var opened = Assert.Single(Receiver.At(path).ForStore(store));
        Assert.True(opened.SignedWith(Secret));
        Assert.False(opened.SignedWith("a guessed secret"));
        Assert.True(Guid.TryParse(opened.DeliveryId, out _));
        Assert.Equal("alert.opened", Expect.Wire(opened.Json["type"]));
        Assert.Equal("offline", Expect.Wire(opened.Json["alert"]!["kind"]));
        Assert.Equal(terminal, Expect.Wire(opened.Json["alert"]!["terminalId"]));
        var alertId = opened.Json["alert"]!["id"]!.GetValue<long>();

        using var admin = App.CreateAdminClient();
        using var ack = await admin.PostAsJsonAsync($"/api/v1/alerts/{alertId}/acknowledge", new { note = "on it" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        await App.PostAcceptedAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), App.Now()));
        await App.AdvanceAndEvaluateAsync(TimeSpan.FromSeconds(1));
        await App.SendDueAsync();

        var received = Receiver.At(path).ForStore(store);
        Assert.Equal(["alert.opened", "alert.acknowledged", "alert.resolved"], received.Select(r => Expect.Wire(r.Json["type"])));
        Assert.All(received, r => Assert.True(r.SignedWith(Secret)));
        Assert.Equal(3, received.Select(r => r.DeliveryId).Distinct().Count());
        var log = await App.DeliveriesOfAsync(hook, alertId);
        Assert.Equal(3, log.Count);
        Assert.All(log, d => Assert.Equal("delivered", Expect.Wire(d["status"])));
    }

    [Fact]
    public async Task A_delivery_answered_500_is_retried_within_30_seconds_with_the_same_id_and_bytes()
    {
        var (hook, path, store, alertId) = await AnsweredOnce500Async();
        var failed = Assert.Single(await App.DeliveriesOfAsync(hook, alertId));
        Assert.Equal("pending", Expect.Wire(failed["status"]));
        Assert.Equal(1, failed["attempts"]!.GetValue<int>());
        Assert.Equal("HTTP 500", Expect.Wire(failed["lastError"]));
        var wait = failed["nextAttemptAt"]!.GetValue<DateTimeOffset>() - failed["lastAttemptAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        await App.SendDueAsync(); // not due yet: the receiver is left alone
        Assert.Single(Receiver.At(path).ForStore(store));

        App.Clock!.Advance(wait);
        await App.SendDueAsync();

        var attempts = Receiver.At(path).ForStore(store);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].DeliveryId, attempts[1].DeliveryId);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.True(attempts[1].SignedWith(Secret));
        var delivered = Assert.Single(await App.DeliveriesOfAsync(hook, alertId));
        Assert.Equal("delivered", Expect.Wire(delivered["status"]));
        Assert.Equal(2, delivered["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_delivery_waiting_to_be_retried_when_the_clock_is_set_an_hour_back_is_retried_at_once_not_an_hour_late()
    {
        var (hook, path, store, alertId) = await AnsweredOnce500Async();
        Assert.Equal("pending", Expect.Wire(Assert.Single(await App.DeliveriesOfAsync(hook, alertId))["status"]));

        // NTP sets the server's clock, which ran an hour ahead, back; the shared app's clock is put back afterwards.
        var before = App.Now();
        App.Clock!.AdjustTime(before - TimeSpan.FromHours(1));
        try
        {
            await App.SendDueAsync();
        }
        finally
        {
            App.Clock!.AdjustTime(before);
        }

        Assert.Equal(2, Receiver.At(path).ForStore(store).Count);
        Assert.Equal("delivered", Expect.Wire(Assert.Single(await App.DeliveriesOfAsync(hook, alertId))["status"]));
    }

    /// <summary>An offline alert in a new store whose first delivery the receiver answered 500: it waits for its retry.</summary>
    private async Task<(long Hook, string Path, string Store, long AlertId)> AnsweredOnce500Async()
    {
        var (hook, path) = await SubscribeAsync(Secret);
        var store = await App.CreateStoreAsync(Ids.New("S"));
        Receiver.AnswerNext(500, when: r => r.IsFor(store));
        await App.OfflineTerminalAsync(store);
        await App.SendDueAsync();
        return (hook, path, store, await App.AlertIdAsync(store));
    }

    [Fact]
    public async Task Alerts_of_a_muted_store_are_not_delivered_while_others_are()
    {
        var (hook, path) = await SubscribeAsync(Secret);
        var muted = await App.CreateStoreAsync(Ids.New("S"));
        await App.MuteStoreAsync(muted);

        await App.OfflineTerminalAsync(muted);
        var (loud, _, _) = await App.OfflineTerminalAsync();
        await App.SendDueAsync();

        Assert.Single(Receiver.At(path).ForStore(loud));
        Assert.Empty(Receiver.At(path).ForStore(muted));
        Assert.Empty(await App.DeliveriesOfAsync(hook, await App.AlertIdAsync(muted)));
    }
}
