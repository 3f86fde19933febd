using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Maintenance;
using Microsoft.EntityFrameworkCore;
using Events = FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Management;

/// <summary>
/// A terminal id names the same terminal whatever its letter case, as a store code does (registration already refuses
/// "t-01" beside "T-01"): every id that comes in is resolved to the registered spelling, and only that one is stored or
/// returned.
/// </summary>
public sealed class TerminalIdCaseTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task A_terminal_is_found_by_its_id_in_another_case_and_answers_with_the_registered_spelling()
    {
        var (terminal, _) = await app.NewTerminalAsync();

        var lower = await app.GetTerminalAsync(terminal.ToLowerInvariant());
        var upper = await app.GetTerminalAsync(terminal.ToUpperInvariant());

        Assert.Equal(terminal, Expect.Wire(lower["terminalId"]));
        Assert.Equal(terminal, Expect.Wire(upper["terminalId"]));
    }

    [Fact]
    public async Task A_terminal_changed_through_its_id_in_another_case_keeps_the_registered_spelling()
    {
        var store = await app.DefaultStoreAsync();
        var (terminal, _) = await app.NewTerminalAsync(store);
        using var admin = app.CreateAdminClient();

        using var response = await admin.PutAsJsonAsync($"/api/v1/terminals/{terminal.ToUpperInvariant()}",
            new { storeCode = store, model = "A930", serialNumber = "SN-CHANGED" });

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal(terminal, Expect.Wire((await Expect.JsonObjectAsync(response))["terminalId"]));
        var shown = await app.GetTerminalAsync(terminal);
        Assert.Equal(("A930", terminal), (Expect.Wire(shown["model"]), Expect.Wire(shown["terminalId"])));
    }

    [Fact]
    public async Task Telemetry_naming_its_terminal_in_another_case_is_accepted_and_stored_under_the_registered_id()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;
        var sale = Ids.New("tx");

        var body = await app.PostAcceptedAsync(key, terminal.ToUpperInvariant(),
            Events.Heartbeat(Ids.New("hb"), now), Events.Transaction(Ids.New("ev"), now, transactionId: sale));

        Assert.Equal(2, body["accepted"]!.GetValue<int>());
        Assert.Equal("online", Expect.Wire((await app.GetTerminalAsync(terminal))["connectivity"]));
        await using var db = app.GetService<FleetDbContextFactory>().CreateDbContext();
        var spelled = terminal.ToUpperInvariant();
        Assert.Equal(1, await db.Events.CountAsync(e => e.TerminalId == terminal));
        Assert.Equal(1, await db.HeartbeatHours.CountAsync(h => h.TerminalId == terminal));
        Assert.Equal(1, await db.Transactions.CountAsync(t => t.TerminalId == terminal && t.TransactionId == sale));
        Assert.False(await db.Events.AnyAsync(e => e.TerminalId == spelled)
            || await db.HeartbeatHours.AnyAsync(h => h.TerminalId == spelled) || await db.Transactions.AnyAsync(t => t.TerminalId == spelled));
    }

    [Fact]
    public async Task A_work_order_naming_its_terminal_in_another_case_is_kept_with_the_registered_spelling()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, _) = await app.NewTerminalAsync(store);
        using var admin = app.CreateAdminClient();

        var order = await admin.CreateInspectionAsync(store, DateTimeOffset.UtcNow.AddDays(3), terminal.ToUpperInvariant());

        Assert.Equal(terminal, Expect.Wire(order["terminalId"]));
        Assert.Equal(terminal, Expect.Wire((await admin.WorkOrderAsync(order.Id()))["terminalId"]));
    }

    [Fact]
    public async Task A_mute_naming_its_terminal_in_another_case_is_kept_with_the_registered_spelling()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, _) = await app.NewTerminalAsync(store);
        using var admin = app.CreateAdminClient();

        using var response = await admin.PostAsJsonAsync("/api/v1/mutes",
            new { storeCode = store, terminalId = terminal.ToUpperInvariant(), until = DateTimeOffset.UtcNow.AddHours(1), reason = "refit" });

        await Expect.StatusAsync(response, HttpStatusCode.Created);
        Assert.Equal(terminal, Expect.Wire((await Expect.JsonObjectAsync(response))["terminalId"]));
    }
}
