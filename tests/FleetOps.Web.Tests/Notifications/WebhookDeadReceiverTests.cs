using System.Diagnostics;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using Events = FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>A receiver that never answers holds up neither ingest, nor the alert service, nor the other receivers (issue 12, "Bad input and limits").</summary>
[Collection(AlertClockCollection.Name)]
public sealed class WebhookDeadReceiverTests(AlertClockApp app)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task While_a_delivery_hangs_ingest_alerts_and_other_receivers_go_on()
    {
        await using var dead = await WebhookReceiver.StartAsync();
        await using var alive = await WebhookReceiver.StartAsync();
        dead.Hang = true;
        var deadHook = await app.SubscribeAsync(dead.BaseUrl + "/dead", "s1");
        var aliveHook = await app.SubscribeAsync(alive.BaseUrl + "/alive", "s2");
        try
        {
            var (store, _, _) = await app.OfflineTerminalAsync();
            _ = app.SendDueAsync(); // not awaited: the dead receiver's turn never ends by itself
            await Eventually.MatchesAsync(() => Task.FromResult(dead.Received.ForStore(store).Count), n => n == 1, "the dead receiver to be called");
            await Eventually.MatchesAsync(() => Task.FromResult(alive.Received.ForStore(store).Count), n => n == 1, "the other receiver to get its delivery");

            // Ingest while the delivery hangs: every batch is answered, within a bound that a wait on the receiver would break.
            var watch = Stopwatch.StartNew();
            var busy = await app.CreateStoreAsync(Ids.New("S"));
            var (terminal, key) = await app.NewTerminalAsync(busy);
            for (var i = 0; i < 50; i++)
            {
                await app.PostAcceptedAsync(key, terminal, Events.Heartbeat(Ids.New("hb"), app.Now()));
            }
            // Alerts are still evaluated and saved (their outbox rows are only written): a second store's alert opens.
            var (later, _, _) = await app.OfflineTerminalAsync();
            Assert.True(watch.Elapsed < Bound, $"ingest and evaluation took {watch.Elapsed} while a receiver hung");
            Assert.Single(dead.Received.ForStore(store)); // still that one call, unanswered
            // The clock moved past the 10 s per-attempt timeout meanwhile: the attempt counts as failed and waits for its retry.
            var alertId = await app.AlertIdAsync(store);
            var waiting = await Eventually.MatchesAsync(() => app.DeliveriesOfAsync(deadHook, alertId),
                log => log.Count == 1 && log[0]["attempts"]!.GetValue<int>() == 1, "the hanging attempt to time out");
            Assert.Equal("pending", Expect.Wire(waiting[0]["status"]));
            Assert.Equal("No answer within 10 s", Expect.Wire(waiting[0]["lastError"]));

            // The dead receiver hangs again on the next alert; the live one gets it all the same.
            _ = app.SendDueAsync();
            await Eventually.MatchesAsync(() => Task.FromResult(alive.Received.ForStore(later).Count), n => n == 1, "the other receiver to get the next alert");
        }
        finally
        {
            await app.UnsubscribeAsync(deadHook);
            await app.UnsubscribeAsync(aliveHook);
        }
    }
}
