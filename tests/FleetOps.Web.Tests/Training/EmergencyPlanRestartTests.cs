using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Training;

/// <summary>A saved emergency plan lives in the database only: a restarted app answers it exactly as saved.</summary>
public sealed class EmergencyPlanRestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task A_restarted_app_answers_the_saved_plan_with_its_version_and_own_steps()
    {
        string store;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            store = await first.CreateStoreAsync(Ids.New("S"));
            using var admin = first.CreateAdminClient();
            using var saved = await admin.PutAsJsonAsync($"/api/v1/stores/{store}/emergency-plan", new
            {
                hotline = new { name = "Acquirer hotline", phone = "95516" },
                spareTerminalLocation = "Office safe",
                procedures = new[] { new { procedure = "store_power_outage", steps = new[] { "Switch to cash." } } },
            });
            await Expect.StatusAsync(saved, HttpStatusCode.OK);
        }

        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database });
        using var client = _second.CreateAdminClient();
        var plan = await Expect.JsonObjectAsync(await client.GetAsync($"/api/v1/stores/{store}/emergency-plan"));

        Assert.Equal(1, plan["version"]!.GetValue<int>());
        Assert.Equal("Office safe", Expect.Wire(plan["spareTerminalLocation"]));
        var outage = plan["procedures"]!.AsArray().Single(p => Expect.Wire(p!["procedure"]) == "store_power_outage")!;
        Assert.Equal(["Switch to cash."], outage["steps"]!.AsArray().Select(Expect.Wire));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
