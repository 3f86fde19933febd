using FleetOps.Core.Fleet;
using FleetOps.Web.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>A delivery that failed before a restart is retried after it, from the stored schedule, with the same id and bytes.</summary>
public sealed class WebhookRestartTests : IAsyncLifetime
{
    private const string Secret = "restart-secret";
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_by_the_next_server_with_the_same_id()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        string store;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { Clock = clock, DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            await first.SubscribeAsync(_receiver.BaseUrl + "/hook", Secret);
            store = await first.CreateStoreAsync(Ids.New("S"));
            var (terminal, key) = await first.NewTerminalAsync(store);
            await first.PostAcceptedAsync(key, terminal, Infrastructure.Telemetry.Heartbeat(Ids.New("hb"), clock.GetUtcNow()));
            _receiver.AnswerNext(500);
            clock.Advance(TimeSpan.FromSeconds(200));
            first.GetService<FleetState>().Sweep(includePower: true);
            await first.GetService<AlertService>().EvaluateAsync();
            await first.SendDueAsync();
            Assert.Single(_receiver.Received);
        }

        // The next server starts after the retry fell due: it resumes from the stored schedule, on its own.
        var later = new FakeTimeProvider(clock.GetUtcNow().AddSeconds(30));
        await using var second = FleetOpsApp.Create(new FleetOpsAppOptions { Clock = later, DatabasePath = _database });
        _ = second.Services;
        var attempts = await Eventually.MatchesAsync(
            async () => { await second.SendDueAsync(); return _receiver.Received.ForStore(store); }, r => r.Count == 2, "the retry after the restart");

        Assert.Equal(attempts[0].DeliveryId, attempts[1].DeliveryId);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.True(attempts[1].SignedWith(Secret));
    }
}
