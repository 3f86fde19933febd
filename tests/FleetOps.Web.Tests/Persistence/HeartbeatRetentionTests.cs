using System.Net;
using FleetOps.Web.Background;
using FleetOps.Web.Tests.Detection;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// Heartbeats are not kept forever: rows older than the retention period go; power and transaction events stay.
/// A heartbeat older than the retention window is refused, so one resent after the sweep is not accepted again (issue 8).
/// </summary>
public sealed class HeartbeatRetentionTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    [Fact]
    public async Task Expired_heartbeats_are_deleted_power_and_transaction_events_are_kept_and_a_resent_heartbeat_is_refused()
    {
        var clock = app.Clock!;
        var (terminal, key) = await app.NewTerminalAsync(await app.DefaultStoreAsync());
        var sent = clock.GetUtcNow();
        var heartbeat = Heartbeat("hb-old", sent);
        await app.PostAcceptedAsync(key, terminal, heartbeat, Power("p-old", sent.AddSeconds(1)), Transaction("tx-old", sent.AddSeconds(2)));

        clock.Advance(TimeSpan.FromDays(8)); // default retention: 168 h
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-new", clock.GetUtcNow().AddMinutes(-1)));
        var retention = app.Services.GetServices<IHostedService>().OfType<HeartbeatRetention>().Single();
        await retention.DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal(3, await app.CountAsync("TelemetryEvents", terminal));
        Assert.Empty(await app.FindTextAsync("hb-old"));
        Assert.NotEmpty(await app.FindTextAsync("hb-new"));
        Assert.NotEmpty(await app.FindTextAsync("p-old"));

        using var resent = await app.PostTelemetryAsync(key, terminal, heartbeat);
        await Expect.StatusAsync(resent, HttpStatusCode.OK);
        var body = await Expect.JsonObjectAsync(resent);
        Assert.Equal(0, body["accepted"]!.GetValue<int>());
        var rejected = Assert.Single(body["rejected"]!.AsArray())!;
        Assert.Contains("168-hour heartbeat retention window", Expect.Wire(rejected["error"]));
        Assert.Equal(3, await app.CountAsync("TelemetryEvents", terminal));
    }
}
