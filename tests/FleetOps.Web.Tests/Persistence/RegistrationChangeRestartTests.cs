using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>A changed store and a moved terminal are what a restart loads: the database was written before memory.</summary>
public sealed class RegistrationChangeRestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();
    private FleetOpsApp? _second;

    [Fact]
    public async Task A_store_change_and_a_terminal_move_survive_a_restart()
    {
        string from, to, terminal;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            (from, to) = (await first.CreateStoreAsync(Ids.New("S")), await first.CreateStoreAsync(Ids.New("S")));
            (terminal, _) = await first.NewTerminalAsync(from);
            using var client = first.CreateAdminClient();
            using (var store = await client.PutAsJsonAsync($"/api/v1/stores/{to}", new { name = "Pudong", region = "South", timeZone = "Asia/Hong_Kong" }))
            {
                await Expect.StatusAsync(store, HttpStatusCode.OK);
            }
            using var move = await client.PutAsJsonAsync($"/api/v1/terminals/{terminal}", new { storeCode = to, model = "A77", serialNumber = (string?)null });
            await Expect.StatusAsync(move, HttpStatusCode.OK);
        }

        _second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database });
        using var after = _second.CreateAdminClient();
        var stores = await after.GetFromJsonAsync<JsonObject>("/api/v1/stores");
        var changed = stores!["items"]!.AsArray().Single(s => Expect.Wire(s!["code"]) == to)!;
        var moved = await _second.GetTerminalAsync(terminal);

        Assert.Equal(("Pudong", "South", "Asia/Hong_Kong"), (Expect.Wire(changed["name"]), Expect.Wire(changed["region"]), Expect.Wire(changed["timeZone"])));
        Assert.Equal((to, "A77"), (Expect.Wire(moved["storeCode"]), Expect.Wire(moved["model"])));
        Assert.Null(moved["serialNumber"]);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
