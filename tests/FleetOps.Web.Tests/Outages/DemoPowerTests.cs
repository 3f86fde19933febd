using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Web.Demo;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;

namespace FleetOps.Web.Tests.Outages;

/// <summary>The demo chain shows its power stories at start: an unstable till, a store outage with interrupted payments, a weak battery.</summary>
public sealed class DemoPowerTests : IAsyncLifetime
{
    private readonly FleetOpsApp _app = DemoApp.Create();

    [Fact]
    public async Task Demo_start_shows_an_unstable_till_a_store_outage_with_interrupted_payments_and_a_weak_battery()
    {
        using var admin = _app.CreateAdminClient();

        await DemoApp.WholeBacklogAsync(admin); // the power stories are written before the sales backlog
        var incident = Assert.Single((await admin.IncidentsAsync()).Items());
        var fleet = _app.GetService<FleetState>().All.ToList();

        Assert.Equal(DemoPowerBacklog.InterruptedSales, incident["paymentsInterrupted"]!.GetValue<int>());
        Assert.Equal(5, incident["terminalsAffected"]!.GetValue<int>()); // every till of the store
        Assert.NotNull(incident["endedAt"]);
        Assert.Contains(fleet, t => t.Assessment.Power == PowerStatus.Unstable && t.Assessment.LikelyCause == LikelyCause.Device);
        Assert.Contains(fleet, t => t.Assessment.Battery is { Status: BatteryStatus.Weak, LastRuntimeMinutes: 7 });
    }

    [Fact]
    public async Task Demo_start_shows_alerts_in_every_state_a_resolved_outage_an_acknowledged_till_a_muted_battery_and_open_ones()
    {
        using var admin = _app.CreateAdminClient();
        // Once everything is told: while the maintenance history books each past visit under way, the work mutes its store
        // (as work in progress does) until it is done, and a CI run that looked in that moment found three alerts muted.
        await DemoApp.StartUpToldAsync(_app);

        var all = await AlertsAsync(admin);

        var outage = Assert.Single(all, a => Expect.Wire(a["kind"]) == "store_power_outage");
        Assert.Equal("resolved", Expect.Wire(outage["state"]));
        var acknowledged = Assert.Single(all, a => Expect.Wire(a["state"]) == "acknowledged");
        Assert.Equal("unstable_power", Expect.Wire(acknowledged["kind"]));
        Assert.Equal("technician@fleetops.demo", Expect.Wire(acknowledged["acknowledgedBy"]));
        var muted = Assert.Single(all, a => a["muted"]!.GetValue<bool>());
        Assert.Equal("battery_weak", Expect.Wire(muted["kind"]));
        Assert.Contains(all, a => Expect.Wire(a["state"]) == "open" && Expect.Wire(a["kind"]) == "money_at_risk");
    }

    [Fact]
    public async Task Demo_start_has_maintenance_work_a_planned_visit_booked_to_the_technician_and_work_from_alerts()
    {
        using var admin = _app.CreateAdminClient();
        await DemoApp.WholeBacklogAsync(admin);

        var orders = await Eventually.MatchesAsync(async () =>
            {
                using var response = await admin.GetAsync("/api/v1/workorders");
                await Expect.StatusAsync(response, System.Net.HttpStatusCode.OK);
                return (await Expect.JsonObjectAsync(response)).Items().ToList();
            },
            // The story's plan visit and its two pieces of alert work, still open: the history's visits come first
            // (DemoMaintenanceHistory), and its alert work is done (DemoAlertWorkHistory).
            o => o.Any(IsStoryVisit) && o.Count(x => x["alertId"] is not null && Expect.Wire(x["state"]) != "done") >= 2, "the demo's work orders");

        // The story's plan; the history's cleaning visits are plan work too.
        var planned = Assert.Single(orders, IsStoryVisit);
        Assert.Equal("technician@fleetops.demo", Expect.Wire(planned["assignee"]));
        Assert.False(planned["overdue"]!.GetValue<bool>());
        Assert.Contains(orders, o => Expect.Wire(o["kind"]) == "power" && o["alertId"] is not null);
        Assert.Contains(orders, o => Expect.Wire(o["kind"]) == "battery" && o["alertId"] is not null && o["scheduledStart"] is null);
    }

    private static bool IsStoryVisit(System.Text.Json.Nodes.JsonObject order) =>
        order["planId"] is not null && Expect.Wire(order["title"]) == "Monthly terminal inspection";

    private static async Task<List<System.Text.Json.Nodes.JsonObject>> AlertsAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/api/v1/alerts?state=all&pageSize=500");
        await Expect.StatusAsync(response, System.Net.HttpStatusCode.OK);
        return (await Expect.JsonObjectAsync(response)).Items().ToList();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
