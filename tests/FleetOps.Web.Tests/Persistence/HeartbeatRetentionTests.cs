using FleetOps.Web.Background;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>Heartbeats are not kept forever: rows older than the retention period go; power and transaction events stay.</summary>
public sealed class HeartbeatRetentionTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Expired_heartbeats_are_deleted_and_power_and_transaction_events_are_kept()
    {
        var now = DateTimeOffset.UtcNow;
        var (terminal, key) = await app.NewTerminalAsync(await app.DefaultStoreAsync());
        var old = now.AddDays(-8); // default retention: 168 h
        await app.PostAcceptedAsync(key, terminal,
            Heartbeat("hb-old", old), Power("p-old", old.AddMinutes(1)), Transaction("tx-old", old.AddMinutes(2)),
            Heartbeat("hb-new", now.AddMinutes(-1)));
        Assert.Equal(4, await app.CountAsync("TelemetryEvents", terminal));

        var retention = app.Services.GetServices<IHostedService>().OfType<HeartbeatRetention>().Single();
        var deleted = await retention.DeleteExpiredAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        Assert.Equal(3, await app.CountAsync("TelemetryEvents", terminal));
        Assert.Empty(await app.FindTextAsync("hb-old"));
        Assert.NotEmpty(await app.FindTextAsync("hb-new"));
        Assert.NotEmpty(await app.FindTextAsync("p-old"));
    }
}
