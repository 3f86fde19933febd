using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>
/// <c>GET /api/v1/maintenance/kpis</c> (FleetOps addition, issue 14 item 7): each role counts only the work it may see. The
/// app is shared with other tests, so each test works in a region of its own and asks for it.
/// </summary>
[Collection(AlertClockCollection.Name)]
public sealed class MaintenanceKpisApiTests(AlertClockApp app)
{
    private async Task<string> StoreInAsync(string region)
    {
        var code = Ids.New("K");
        using var admin = app.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync("/api/v1/stores", new { code, name = $"Store {code}", region, timeZone = "Asia/Shanghai" });
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return code;
    }

    private static async Task<JsonObject> KpisAsync(HttpClient client, string region)
    {
        using var response = await client.GetAsync($"/api/v1/maintenance/kpis?region={Uri.EscapeDataString(region)}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }

    private static (int Done, int OnTime, int Overdue) Totals(JsonObject kpis) =>
        (kpis["totals"]!["done"]!.GetValue<int>(), kpis["totals"]!["doneOnTime"]!.GetValue<int>(), kpis["totals"]!["overdueNow"]!.GetValue<int>());

    [Fact]
    public async Task Each_role_counts_only_the_work_it_may_see()
    {
        var region = Ids.New("R");
        var (a, b) = (await StoreInAsync(region), await StoreInAsync(region));
        var technician = await app.CreateUserAsync(Roles.Technician, stores: [a]);
        var managerOfB = await app.CreateUserAsync(Roles.StoreManager, stores: [b]);
        var regionManager = await app.CreateUserAsync(Roles.RegionalManager, regions: [region]);
        using var admin = app.CreateAdminClient();
        using var tech = app.CreateTokenClient((await app.CreateApiTokenAsync(technician)).Token);
        var now = app.Now();
        // The technician's: one overdue (booked before its due time, so the booking leaves it due), one done on time.
        var late = await admin.CreateInspectionAsync(a, now.AddHours(-1));
        await Expect.StatusAsync(await admin.ScheduleAsync(late.Id(), technician.Email, now.AddHours(-3), now.AddHours(-2)), HttpStatusCode.OK);
        var visit = await admin.CreateInspectionAsync(a, now.AddDays(1));
        await Expect.StatusAsync(await admin.ScheduleAsync(visit.Id(), technician.Email, now.AddHours(-1), now), HttpStatusCode.OK);
        await Expect.StatusAsync(await tech.CommandAsync(visit.Id(), "start"), HttpStatusCode.OK);
        await Expect.StatusAsync(await tech.CommandAsync(visit.Id(), "complete", MaintenanceCalls.Inspection(await tech.SignAsync(visit.Id()))), HttpStatusCode.OK);
        await app.AdvanceAndEvaluateAsync(TimeSpan.FromMinutes(1)); // the period ends now, after the visit was done
        // Store B's: overdue, booked to nobody.
        await admin.CreateInspectionAsync(b, now.AddHours(-2));

        using var regionClient = app.CreateTokenClient((await app.CreateApiTokenAsync(regionManager)).Token);
        using var managerClient = app.CreateTokenClient((await app.CreateApiTokenAsync(managerOfB)).Token);

        var all = await KpisAsync(regionClient, region);
        var own = await KpisAsync(tech, region);
        var storeB = await KpisAsync(managerClient, region);

        Assert.Equal((1, 1, 2), Totals(all));
        // Hand-made work is planned too (all three fell due or were done), and on time is of those: 1 of 3, not 1 of the 1 done.
        Assert.Equal(3, all["totals"]!["planned"]!.GetValue<int>());
        Assert.Equal(33.3, all["totals"]!["onTimePercent"]!.GetValue<double>());
        Assert.Equal([region], all["regions"]!.AsArray().Select(r => Expect.Wire(r!["region"])));
        Assert.Equal([technician.Email, "(null)"], all["technicians"]!.AsArray().Select(t => Expect.Wire(t!["assignee"])));
        Assert.Equal((1, 1, 1), Totals(own));
        Assert.Equal([technician.Email], own["technicians"]!.AsArray().Select(t => Expect.Wire(t!["assignee"])));
        Assert.Equal($"Test {Roles.Technician}", Expect.Wire(own["technicians"]![0]!["displayName"]));
        Assert.Equal((0, 0, 1), Totals(storeB));
        // B's one piece of work fell due and is not done: 0 %, not "no figure".
        Assert.Equal((1, 0.0), (storeB["totals"]!["planned"]!.GetValue<int>(), storeB["totals"]!["onTimePercent"]!.GetValue<double>()));
        // Thirty days of the stores' own clock, today last.
        Assert.Equal(("day", "Asia/Shanghai", 30), (Expect.Wire(all["interval"]), Expect.Wire(all["timeZone"]), all["intervals"]!.AsArray().Count));
        Assert.Equal(1, all["intervals"]!.AsArray().Sum(i => i!["done"]!.GetValue<int>()));
        Assert.Equal(2, all["intervals"]!.AsArray()[^1]!["overdue"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_long_period_is_counted_in_weeks_and_a_region_out_of_scope_counts_nothing()
    {
        var region = Ids.New("R");
        var store = await StoreInAsync(region);
        var elsewhere = Ids.New("R");
        await StoreInAsync(elsewhere);
        var outsider = await app.CreateUserAsync(Roles.RegionalManager, regions: [elsewhere]);
        using var outsiderClient = app.CreateTokenClient((await app.CreateApiTokenAsync(outsider)).Token);
        using var admin = app.CreateAdminClient();
        await admin.CreateInspectionAsync(store, app.Now().AddHours(-1));
        // Whole seconds: fractional ones would make a run of digits the card-number guard refuses.
        var from = app.Now().AddDays(-90).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

        using var response = await admin.GetAsync($"/api/v1/maintenance/kpis?region={region}&from={Uri.EscapeDataString(from)}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var weeks = await Expect.JsonObjectAsync(response);
        var nothing = await KpisAsync(outsiderClient, region);

        Assert.Equal("week", Expect.Wire(weeks["interval"]));
        Assert.InRange(weeks["intervals"]!.AsArray().Count, 13, 15);
        Assert.Equal(1, weeks["totals"]!["overdueNow"]!.GetValue<int>());
        Assert.Equal((0, 0, 0), Totals(nothing));
        Assert.Empty(nothing["regions"]!.AsArray());
    }

    /// <summary>
    /// A region's "overdue now" and the work-order list narrowed to that region hold the same work: the list takes the KPIs'
    /// region, letter case ignored, and leaves another region's overdue work out.
    /// </summary>
    [Fact]
    public async Task The_work_order_list_of_a_region_holds_the_overdue_work_its_KPIs_count()
    {
        var (region, other) = (Ids.New("R"), Ids.New("R"));
        var (store, elsewhere) = (await StoreInAsync(region), await StoreInAsync(other));
        using var admin = app.CreateAdminClient();
        var now = app.Now();
        var late = await admin.CreateInspectionAsync(store, now.AddHours(-1));
        await admin.CreateInspectionAsync(store, now.AddDays(2));
        await admin.CreateInspectionAsync(elsewhere, now.AddHours(-1));

        using var response = await admin.GetAsync($"/api/v1/workorders?region={Uri.EscapeDataString(region.ToLowerInvariant())}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var list = await Expect.JsonObjectAsync(response);
        var kpis = await KpisAsync(admin, region);

        var items = list["items"]!.AsArray();
        Assert.Equal(2, list["total"]!.GetValue<int>());
        Assert.All(items, item => Assert.Equal(store, Expect.Wire(item!["storeCode"])));
        var overdue = items.Where(item => item!["overdue"]!.GetValue<bool>()).Select(item => item!["id"]!.GetValue<long>()).ToList();
        Assert.Equal([late.Id()], overdue);
        Assert.Equal(overdue.Count, kpis["totals"]!["overdueNow"]!.GetValue<int>());
    }
}
