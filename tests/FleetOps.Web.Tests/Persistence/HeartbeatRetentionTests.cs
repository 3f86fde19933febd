using System.Net;
using FleetOps.Web.Background;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// Heartbeats are not kept forever: hour roll-ups wholly older than the retention period go; power and transaction
/// events stay. Dedup never forgets an id the writer would still accept: the hour holding the cutoff is kept whole, and a
/// heartbeat older than the cutoff is refused, so a resend after the sweep is never accepted again (issues 8 and 9).
/// </summary>
public sealed class HeartbeatRetentionTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _later;

    [Fact]
    public async Task After_the_sweep_every_heartbeat_the_writer_would_accept_is_still_recognised_and_older_ones_are_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var hour = HourStart(clock.GetUtcNow().AddHours(-1));
        var old = Heartbeat("hb-old", hour.AddMinutes(-30));      // in the hour before: wholly expired a week later
        var edge = Heartbeat("hb-edge", hour.AddMinutes(40));     // after the cutoff, in the hour that holds the cutoff
        string terminal, key;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false, Clock = clock }))
        {
            (terminal, key) = await first.NewTerminalAsync(await first.DefaultStoreAsync());
            await first.PostAcceptedAsync(key, terminal, old, edge, Power("p-old", hour.AddMinutes(-29)), Transaction("tx-old", hour.AddMinutes(-28)));
        }

        // Default retention 168 h: the cutoff falls 20 minutes into the edge heartbeat's hour. The week passes between two
        // starts rather than by advancing one server's clock: that fired its 250 ms sweep 2.4 million times (200 s of CI).
        var app = _later = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, Clock = new FakeTimeProvider(hour.AddMinutes(20).AddHours(168)) });
        var retention = app.Services.GetServices<IHostedService>().OfType<HeartbeatRetention>().Single();
        await retention.DeleteExpiredAsync(CancellationToken.None);

        Assert.Equal(3, await app.StoredEventsAsync(terminal)); // the edge heartbeat, the power and the transaction event
        await using (var db = app.GetService<FleetDbContextFactory>().CreateDbContext())
        {
            var kept = Assert.Single(await db.HeartbeatHours.Where(h => h.TerminalId == terminal).ToListAsync());
            Assert.Equal(hour.ToUnixTimeMilliseconds(), kept.HourMs);
        }

        var resentEdge = await app.PostAcceptedAsync(key, terminal, edge);
        Assert.Equal(0, resentEdge["accepted"]!.GetValue<int>());
        Assert.Equal(1, resentEdge["duplicates"]!.GetValue<int>());

        using var resentOld = await app.PostTelemetryAsync(key, terminal, old);
        await Expect.StatusAsync(resentOld, HttpStatusCode.OK);
        var body = await Expect.JsonObjectAsync(resentOld);
        Assert.Equal(0, body["accepted"]!.GetValue<int>());
        var rejected = Assert.Single(body["rejected"]!.AsArray())!;
        Assert.Contains("168-hour heartbeat retention window", Expect.Wire(rejected["error"]));
        Assert.Equal(3, await app.StoredEventsAsync(terminal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_later is not null) await _later.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }

    private static DateTimeOffset HourStart(DateTimeOffset at) =>
        new(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, 0, 0, TimeSpan.Zero);
}
