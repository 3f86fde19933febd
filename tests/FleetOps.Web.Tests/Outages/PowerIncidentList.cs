using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Outages;

/// <summary>Store power incidents through the management API (docs/api.md §6), and the outage tests make.</summary>
public static class PowerIncidentList
{
    public const string Path = "/api/v1/power/incidents";

    public static async Task<JsonObject> IncidentsAsync(this HttpClient client, string query = "")
    {
        using var response = await client.GetAsync(Path + query);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }

    public static async Task<JsonObject> IncidentsInAsync(this FleetOpsApp app, string store, string state = "all")
    {
        using var admin = app.CreateAdminClient();
        return await admin.IncidentsAsync($"?store={store}&state={state}");
    }

    /// <summary>
    /// A store of four tills whose mains failed ten minutes before <paramref name="now"/>: three tills each lost power
    /// twenty seconds into a sale (so each sale is interrupted), the fourth kept running. Nobody is back yet.
    /// </summary>
    public static async Task<IReadOnlyList<Till>> StoreOutageAsync(FleetOpsApp app, DateTimeOffset now)
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var tills = new List<Till>();
        for (var i = 0; i < 4; i++) tills.Add(await Till.OpenAsync(app, store));
        for (var i = 0; i < 3; i++) await tills[i].SendSaleInAsync("interrupted_by_power_loss", $"000777-000{i}", now);
        await tills[3].SendAsync(Heartbeat("hb-4", now.AddMinutes(-15), bootId: "boot-A"));
        return tills;
    }
}
