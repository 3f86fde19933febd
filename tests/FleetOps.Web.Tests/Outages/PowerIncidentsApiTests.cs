using FleetOps.Web.Cases;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Outages;

/// <summary><c>GET /api/v1/power/incidents</c>: one incident per store-wide outage, its end, its payments, scoping and bad filters.</summary>
[Collection(UnsettledClockCollection.Name)]
public sealed class PowerIncidentsApiTests(UnsettledClockApp app)
{
    [Fact]
    public async Task A_store_wide_outage_is_one_open_incident_with_its_interrupted_payments_until_a_till_reports_again()
    {
        var now = app.Now();
        var tills = await PowerIncidentList.StoreOutageAsync(app, now);
        var store = tills[0].Store;

        var open = Assert.Single((await app.IncidentsInAsync(store, "open")).Items());
        Assert.Equal(3, open["terminalsAffected"]!.GetValue<int>());
        Assert.Equal(4, open["terminalsInStore"]!.GetValue<int>());
        Assert.Equal(3, open["paymentsInterrupted"]!.GetValue<int>());
        Assert.Equal(now.AddMinutes(-10).AddSeconds(20), open["startedAt"]!.GetValue<DateTimeOffset>());
        Assert.Null(open["endedAt"]);
        Assert.StartsWith($"PI-{store}-D", Expect.Wire(open["id"]));
        foreach (var till in tills.Take(3))
        {
            Assert.Equal("store", Expect.Wire((await app.GetTerminalAsync(till.TerminalId))["power"]!["likelyCause"]));
        }

        await tills[1].SendAsync(Heartbeat("hb-back", now.AddMinutes(-2), bootId: "boot-B"));

        Assert.Empty((await app.IncidentsInAsync(store, "open")).Items());
        var closed = Assert.Single((await app.IncidentsInAsync(store, "closed")).Items());
        Assert.Equal(Expect.Wire(open["id"]), Expect.Wire(closed["id"]));
        Assert.Equal(now.AddMinutes(-2), closed["endedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_page_far_beyond_the_end_is_empty_rather_than_the_first_page_again()
    {
        var tills = await PowerIncidentList.StoreOutageAsync(app, app.Now());
        using var admin = app.CreateAdminClient();

        // (page − 1) × 500 wrapped to a negative offset in int, which LINQ's Skip reads as none: the first page again.
        var far = await admin.IncidentsAsync($"?store={tills[0].Store}&state=all&page=8589935&pageSize=500");

        Assert.Empty(far.Items());
        Assert.Equal(1, far["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_till_of_the_same_boot_reporting_after_the_loss_ends_the_incident_after_reads_between_heartbeats()
    {
        // Every read in between remembers the store's incidents; the heartbeats of the unaffected till do not change them,
        // the first report of an affected till after the loss does, though no till rebooted.
        var now = app.Now();
        var tills = await PowerIncidentList.StoreOutageAsync(app, now);
        var store = tills[0].Store;
        Assert.Single((await app.IncidentsInAsync(store, "open")).Items());
        for (var minute = 5; minute >= 3; minute--)
        {
            await tills[3].SendAsync(Heartbeat($"hb-still-{minute}", now.AddMinutes(-minute), bootId: "boot-A"));
            Assert.Single((await app.IncidentsInAsync(store, "open")).Items());
        }

        await tills[0].SendAsync(Heartbeat("hb-lived-through", now.AddMinutes(-2), bootId: "boot-A"));

        Assert.Empty((await app.IncidentsInAsync(store, "open")).Items());
        Assert.Single((await app.IncidentsInAsync(store, "closed")).Items());
    }

    [Fact]
    public async Task An_incident_lists_the_sales_it_interrupted_each_with_its_recovery_case_once_one_is_opened()
    {
        var now = app.Now();
        var tills = await PowerIncidentList.StoreOutageAsync(app, now);
        var store = tills[0].Store;
        var opened = await app.GetService<CaseService>().OpenAsync(tills[1].TerminalId, "000777-0001", store, "test");

        var incident = Assert.Single((await app.IncidentsInAsync(store, "open")).Items());
        var payments = incident["interruptedPayments"]!.AsArray().Select(p => p!.AsObject()).ToList();

        Assert.Equal(tills.Take(3).Select(t => t.TerminalId).Order(StringComparer.Ordinal), payments.Select(p => Expect.Wire(p["terminalId"])).Order(StringComparer.Ordinal));
        Assert.All(payments, p => Assert.Equal(12800, p["amountMinor"]!.GetValue<long>()));
        var withCase = Assert.Single(payments, p => p["caseId"] is not null);
        Assert.Equal(opened.Id, withCase["caseId"]!.GetValue<long>());
        Assert.Equal("000777-0001", Expect.Wire(withCase["transactionId"]));
    }

    [Fact]
    public async Task The_same_outage_arriving_as_a_backlog_in_reverse_order_gives_the_same_incident()
    {
        var now = app.Now();
        var live = await PowerIncidentList.StoreOutageAsync(app, now);
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var tills = new List<Till>();
        for (var i = 0; i < 4; i++) tills.Add(await Till.OpenAsync(app, store));
        await tills[3].SendAsync(Heartbeat("hb-4", now.AddMinutes(-15), bootId: "boot-A"));
        for (var i = 2; i >= 0; i--)
        {
            var id = $"000888-000{i}";
            await tills[i].SendAsync(
                Power($"{id}:p", now.AddMinutes(-10).AddSeconds(20), "lost"),
                Till.Sale($"{id}:a", now.AddMinutes(-10), id, "authorized"),
                Heartbeat($"{id}:hb", now.AddMinutes(-15), bootId: "boot-A"));
        }

        var expected = Assert.Single((await app.IncidentsInAsync(live[0].Store)).Items());
        var replayed = Assert.Single((await app.IncidentsInAsync(store)).Items());

        Assert.Equal(Expect.Wire(expected["id"]).Replace(live[0].Store, store), Expect.Wire(replayed["id"]));
        foreach (var field in new[] { "startedAt", "endedAt", "terminalsAffected", "terminalsInStore", "paymentsInterrupted" })
        {
            Assert.Equal(expected[field]?.ToJsonString(), replayed[field]?.ToJsonString());
        }
    }

    [Fact]
    public async Task One_devices_power_losses_are_no_incident()
    {
        var now = app.Now();
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var failing = await Till.OpenAsync(app, store);
        var healthy = await Till.OpenAsync(app, store);
        await healthy.SendAsync(Heartbeat("hb-1", now.AddMinutes(-20)));
        await failing.SendAsync(Heartbeat("hb-1", now.AddMinutes(-20)), Power("p-1", now.AddMinutes(-15)),
            Power("p-2", now.AddMinutes(-10), "brownout"), Power("p-3", now.AddMinutes(-5)));

        Assert.Equal(0, (await app.IncidentsInAsync(store))["total"]!.GetValue<int>());
        Assert.Equal("device", Expect.Wire((await app.GetTerminalAsync(failing.TerminalId))["power"]!["likelyCause"]));
    }

    [Theory]
    [InlineData("token")]
    [InlineData("cookie")]
    public async Task A_store_manager_sees_only_their_own_stores_incidents(string via)
    {
        var now = app.Now();
        var own = (await PowerIncidentList.StoreOutageAsync(app, now))[0].Store;
        var other = (await PowerIncidentList.StoreOutageAsync(app, now))[0].Store;
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [own]);
        using var client = via == "token"
            ? app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token)
            : await app.SignedInBrowserAsync(manager);

        var mine = await client.IncidentsAsync();
        var asked = await client.IncidentsAsync($"?store={other}");

        Assert.Equal([own], mine.Items().Select(i => Expect.Wire(i["storeCode"])).Distinct());
        Assert.Equal(0, asked["total"]!.GetValue<int>());
        Assert.Equal(1, (await app.IncidentsInAsync(other))["total"]!.GetValue<int>()); // the administrator does see it
    }

    [Theory]
    [InlineData("?state=ongoing", "state")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?page=first", "page")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string field)
    {
        using var admin = app.CreateAdminClient();

        using var response = await admin.GetAsync(PowerIncidentList.Path + query);

        await Expect.ValidationProblemAsync(response, field);
    }
}
