using System.Net;
using System.Net.Http.Json;
using FleetOps.Core.Fleet;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Tests.Management;

/// <summary>PUT /api/v1/terminals/{terminalId}: an administrator changes a terminal's model and serial or moves it to another store.</summary>
public sealed class TerminalUpdateTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task A_moved_terminal_is_under_its_new_store_at_once_keeps_its_key_and_is_audited()
    {
        var (from, to) = (await app.CreateStoreAsync(Ids.New("S")), await app.CreateStoreAsync(Ids.New("S")));
        var (terminal, key) = await app.NewTerminalAsync(from);
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/terminals/{terminal}", new { storeCode = to.ToLowerInvariant(), model = "A930", serialNumber = "SN-NEW" });

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var fleet = app.GetService<FleetState>();
        Assert.Contains(fleet.InStore(to), t => t.TerminalId == terminal);
        Assert.DoesNotContain(fleet.InStore(from), t => t.TerminalId == terminal);
        var shown = await app.GetTerminalAsync(terminal);
        Assert.Equal((to, "A930"), (Expect.Wire(shown["storeCode"]), Expect.Wire(shown["model"])));
        var listed = await app.ListTerminalsAsync($"store={Uri.EscapeDataString(to)}");
        Assert.Equal(terminal, Expect.Wire(Assert.Single(listed["items"]!.AsArray())!["terminalId"]));
        await app.PostAcceptedAsync(key, terminal, Infrastructure.Telemetry.Heartbeat("hb-after-move", DateTimeOffset.UtcNow));
        var audit = Assert.Single(await app.AuditAsync(AuditActions.TerminalChanged), a => a.Target == terminal);
        Assert.Equal($"store {from} → {to}; model A920 → A930; serial SN-{terminal} → SN-NEW", audit.Details);
    }

    public static TheoryData<string, object> BadBodies => new()
    {
        { "storeCode", new { storeCode = "NO-SUCH-STORE", model = "A920" } },
        { "model", new { storeCode = (string?)null, model = "" } },
        { "serialNumber", new { storeCode = "S", model = "A920", serialNumber = "SN 4111 1111 1111 1111" } },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_fields_are_a_400_naming_the_field_and_nothing_changes(string field, object body)
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, _) = await app.NewTerminalAsync(store);
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/terminals/{terminal}", body);

        await Expect.ValidationProblemAsync(response, field);
        Assert.Equal(new TerminalRegistration(terminal, store, "A920", $"SN-{terminal}"), app.GetService<FleetState>().Get(terminal)!.Registration);
        Assert.DoesNotContain(await app.AuditAsync(AuditActions.TerminalChanged), a => a.Target == terminal);
    }

    [Fact]
    public async Task An_unknown_terminal_is_404()
    {
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/terminals/{Ids.New("T")}", new { storeCode = await app.DefaultStoreAsync(), model = "A920" });

        await Expect.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_decommissioned_terminal_is_409_and_stays_where_it_was()
    {
        var (from, to) = (await app.CreateStoreAsync(Ids.New("S")), await app.CreateStoreAsync(Ids.New("S")));
        var (terminal, _) = await app.NewTerminalAsync(from);
        await app.GetService<FleetOps.Web.Fleet.FleetRegistry>().DecommissionAsync(terminal);
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/terminals/{terminal}", new { storeCode = to, model = "A920" });

        await Expect.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(from, app.GetService<FleetState>().Get(terminal)!.StoreCode);
    }

    /// <summary>
    /// Two administrators at once: one moves a terminal, the other decommissions it. Whatever the order, what the fleet
    /// holds in memory (and so what telemetry and every page go by) is what the database holds: before both changes were
    /// serialised, a move read the row before the decommissioning saved and put the terminal back in service in memory, or
    /// the decommissioning re-filed it under its old store. Rounds, because each round is one chance for the interleaving.
    /// </summary>
    [Fact]
    public async Task A_move_and_a_decommissioning_at_the_same_time_leave_memory_as_the_database_says()
    {
        var (from, to) = (await app.CreateStoreAsync(Ids.New("S")), await app.CreateStoreAsync(Ids.New("S")));
        var registry = app.GetService<FleetOps.Web.Fleet.FleetRegistry>();
        for (var round = 0; round < 25; round++)
        {
            var (terminal, _) = await app.NewTerminalAsync(from);

            await Task.WhenAll(
                Task.Run(() => registry.UpdateTerminalAsync(new TerminalRegistration(terminal, to, "A930", "SN-MOVED"))),
                Task.Run(() => registry.DecommissionAsync(terminal)));

            await using var db = app.GetService<FleetOps.Web.Persistence.FleetDbContextFactory>().CreateDbContext();
            var row = await db.Terminals.AsNoTracking().SingleAsync(t => t.TerminalId == terminal);
            var held = app.GetService<FleetState>().Get(terminal)!.Registration;
            Assert.True(row.Decommissioned);
            Assert.Equal((row.StoreCode, row.Decommissioned), (held.StoreCode, held.Decommissioned));
        }
    }

    [Fact]
    public async Task A_store_manager_of_both_stores_is_refused_and_nothing_changes()
    {
        var (from, to) = (await app.CreateStoreAsync(Ids.New("S")), await app.CreateStoreAsync(Ids.New("S")));
        var (terminal, _) = await app.NewTerminalAsync(from);
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [from, to]);
        using var client = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);

        using var response = await client.PutAsJsonAsync($"/api/v1/terminals/{terminal}", new { storeCode = to, model = "A920" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(from, app.GetService<FleetState>().Get(terminal)!.StoreCode);
    }
}
