using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;
using static FleetOps.Web.Tests.Infrastructure.TwoRegionFleet;

namespace FleetOps.Web.Tests.Access;

/// <summary>/hubs/fleet sends a connection only the terminals of the stores its user may see, now: not when it connected.</summary>
public sealed class HubScopingTests(TwoRegionFleet world) : IClassFixture<TwoRegionFleet>
{
    [Fact]
    public async Task Store_manager_receives_their_stores_updates_and_none_of_another_stores()
    {
        await using var manager = await HubFeed.StartAsync(world.App, world.Token(StoreManagerE1));
        await using var administrator = await HubFeed.StartAsync(world.App, world.Token(Administrator));
        var now = DateTimeOffset.UtcNow;

        await HeartbeatAsync(N1A, now.AddSeconds(-3), "3.2.1");
        await HeartbeatAsync(E1A, now.AddSeconds(-2), "3.2.1");
        await manager.WaitForAsync(E1A);
        // A later update of E1, sent after N1's: when it has arrived, anything sent for N1 would have arrived before it.
        await HeartbeatAsync(E1A, now.AddSeconds(-1), "3.2.2");
        await manager.WaitForAsync(E1A, "3.2.2");

        Assert.DoesNotContain(N1A, manager.ReceivedIds);
        Assert.All(manager.Received, t => Assert.Equal(E1, t.GetProperty("storeCode").GetString()));
        await administrator.WaitForAsync(N1A);
        await administrator.WaitForAsync(E1A, "3.2.2");
    }

    [Fact]
    public async Task Regional_manager_receives_every_store_of_their_region_and_none_of_another_region()
    {
        await using var regional = await HubFeed.StartAsync(world.App, world.Token(RegionalManagerEast));
        var now = DateTimeOffset.UtcNow;

        await HeartbeatAsync(N1A, now.AddSeconds(-3), "4.0.0");
        await HeartbeatAsync(E2A, now.AddSeconds(-2), "4.0.0");
        await HeartbeatAsync(E1B, now.AddSeconds(-1), "4.0.0");

        await regional.WaitForAsync(E2A, "4.0.0");
        await regional.WaitForAsync(E1B, "4.0.0");
        Assert.DoesNotContain(N1A, regional.ReceivedIds);
    }

    [Fact]
    public async Task Technician_receives_the_store_they_serve_and_nothing_of_another_region()
    {
        await using var technician = await HubFeed.StartAsync(world.App, world.Token(TechnicianN1));
        var now = DateTimeOffset.UtcNow;

        await HeartbeatAsync(E1B, now.AddSeconds(-3), "5.0.0");
        await HeartbeatAsync(N1A, now.AddSeconds(-2), "5.0.0");
        await technician.WaitForAsync(N1A, "5.0.0");
        await HeartbeatAsync(N1A, now.AddSeconds(-1), "5.0.1");
        await technician.WaitForAsync(N1A, "5.0.1");

        Assert.Equal(new[] { N1A }, technician.ReceivedIds);
    }

    [Fact]
    public async Task Store_moved_out_of_a_region_closes_its_regional_managers_connection_which_then_no_longer_receives_it()
    {
        var moved = Ids.New("X");
        using var admin = world.App.CreateAdminClient();
        await Expect.StatusAsync(await admin.PostAsJsonAsync("/api/v1/stores", new { code = moved, name = "Moving", region = "East", timeZone = "Asia/Shanghai" }),
            HttpStatusCode.Created);
        var (terminal, key) = await world.App.NewTerminalAsync(moved);
        await using var before = await HubFeed.StartAsync(world.App, world.Token(RegionalManagerEast));
        // The client counts as connected once the handshake is done, which can be before the server has joined its groups
        // and tracked it; a move in between is then already in the groups it joins, and nothing is left to close. The
        // store's terminal reaching it shows the server side is in place.
        await world.App.PostAcceptedAsync(key, terminal, Heartbeat(Ids.New("hb"), DateTimeOffset.UtcNow.AddSeconds(-3), appVersion: "5.9.0"));
        await before.WaitForAsync(terminal, "5.9.0");

        await Expect.StatusAsync(await admin.PutAsJsonAsync($"/api/v1/stores/{moved}", new { name = "Moving", region = "North", timeZone = "Asia/Shanghai" }),
            HttpStatusCode.OK);

        // The groups were chosen at connect time: the connection must end, and its successor is grouped by the new regions.
        await before.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        await using var after = await HubFeed.StartAsync(world.App, world.Token(RegionalManagerEast));
        var now = DateTimeOffset.UtcNow;
        await world.App.PostAcceptedAsync(key, terminal, Heartbeat(Ids.New("hb"), now.AddSeconds(-2), appVersion: "6.0.0"));
        await HeartbeatAsync(E2A, now.AddSeconds(-1), "6.0.0");
        await after.WaitForAsync(E2A, "6.0.0");
        Assert.DoesNotContain(terminal, after.ReceivedIds);
    }

    /// <summary>
    /// A token of the tokens page's default lifetime, or of a year, on the real clock: the wait for its expiry went to a
    /// system timer, which cannot wait past ~49.7 days, so joining the hub threw and the connection was closed.
    /// </summary>
    [Theory]
    [InlineData(90)]
    [InlineData(365)]
    public async Task A_token_of_90_days_or_a_year_receives_its_stores_updates(int days)
    {
        var user = await world.App.CreateUserAsync(FleetOps.Web.Security.Roles.StoreManager, stores: [E1]);
        var (_, token) = await world.App.CreateApiTokenAsync(user, "wall screen", TimeSpan.FromDays(days));
        // A terminal of its own: the class's other tests order their heartbeats of E1's terminals by time.
        var (terminal, key) = await world.App.NewTerminalAsync(E1);
        await using var feed = await HubFeed.StartAsync(world.App, token);

        await world.App.PostAcceptedAsync(key, terminal, Heartbeat(Ids.New("hb"), DateTimeOffset.UtcNow, appVersion: "6.0.0"));

        await feed.WaitForAsync(terminal, "6.0.0");
        Assert.False(feed.Closed.IsCompleted);
    }

    private Task HeartbeatAsync(string terminal, DateTimeOffset at, string appVersion) =>
        world.App.PostAcceptedAsync(world.KeyOf(terminal), terminal, Heartbeat(Ids.New("hb"), at, appVersion: appVersion));
}
