using System.Net.Http.Json;
using FleetOps.Web.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Outages;

/// <summary>
/// A store-wide outage is one critical store alert, not one unstable-power alert per terminal (issue 12), and it
/// resolves when a till of the store reports again.
/// </summary>
[Collection(UnsettledClockCollection.Name)]
public sealed class PowerAlertsTests(UnsettledClockApp app)
{
    private async Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> AlertsAsync(string store, string state = "active")
    {
        using var admin = app.CreateAdminClient();
        return (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/alerts?store={store}&state={state}"))!.Items();
    }

    [Fact]
    public async Task A_store_outage_is_one_critical_store_alert_and_no_device_alerts_and_it_resolves_when_a_till_is_back()
    {
        var now = app.Now();
        var tills = await PowerIncidentList.StoreOutageAsync(app, now);
        var store = tills[0].Store;

        await app.GetService<AlertService>().EvaluateAsync();

        var power = (await AlertsAsync(store)).Where(a => Expect.Wire(a["kind"]) is "store_power_outage" or "unstable_power").ToList();
        var outage = Assert.Single(power);
        Assert.Equal(("store_power_outage", "critical"), (Expect.Wire(outage["kind"]), Expect.Wire(outage["severity"])));
        Assert.Null(outage["terminalId"]);

        await tills[1].SendAsync(Heartbeat("hb-back", now.AddMinutes(-2), bootId: "boot-B"));
        await app.GetService<AlertService>().EvaluateAsync();

        Assert.DoesNotContain(await AlertsAsync(store), a => Expect.Wire(a["kind"]) == "store_power_outage");
        Assert.Contains(await AlertsAsync(store, "resolved"), a => Expect.Wire(a["kind"]) == "store_power_outage");
    }
}
