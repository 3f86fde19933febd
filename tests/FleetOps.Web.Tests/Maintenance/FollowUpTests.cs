using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>
/// A follow-up from a flagged checklist item (issue 14): a high-priority repair at the same terminal, linked both ways,
/// raised by the work's technician; one per item; nothing for an item that was fine or work not yet done.
/// </summary>
public sealed class FollowUpTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static Task<HttpResponseMessage> RaiseAsync(HttpClient client, long id, string item) =>
        client.PostAsJsonAsync($"/api/v1/workorders/{id}/followups", new { item });

    [Fact]
    public async Task A_weak_signal_raises_one_repair_for_the_technician_linked_to_its_parent_and_asking_again_opens_the_same_one()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, _) = await app.NewTerminalAsync(store);
        var technician = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        var otherTechnician = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        using var admin = app.CreateAdminClient();
        using var tech = app.CreateTokenClient((await app.CreateApiTokenAsync(technician)).Token);
        var parent = await admin.CreateInspectionAsync(store, DateTimeOffset.UtcNow.AddDays(2), terminal);
        var start = DateTimeOffset.UtcNow.AddHours(1);
        await Expect.StatusAsync(await admin.ScheduleAsync(parent.Id(), technician.Email, start, start.AddHours(1)), HttpStatusCode.OK);
        await Expect.StatusAsync(await tech.CommandAsync(parent.Id(), "start"), HttpStatusCode.OK);
        await Expect.ProblemAsync(await RaiseAsync(tech, parent.Id(), "signal_bars"), HttpStatusCode.BadRequest); // nothing recorded yet
        var signature = await tech.SignAsync(parent.Id());
        await Expect.StatusAsync(await tech.CommandAsync(parent.Id(), "complete", new
        {
            results = new object[]
            {
                new { item = "housing_intact", value = true }, new { item = "no_tampering", value = true }, new { item = "card_reader_ok", value = true },
                new { item = "printer_ok", value = true }, new { item = "signal_bars", value = 1, note = "Terminal behind the steel shelf" },
                new { item = "manager_signature", value = $"{signature}" },
            },
            signedBy = "Li Wei",
        }), HttpStatusCode.OK);

        using var raised = await RaiseAsync(tech, parent.Id(), "signal_bars");
        await Expect.StatusAsync(raised, HttpStatusCode.Created);
        var followUp = await Expect.JsonObjectAsync(raised);
        using var again = await RaiseAsync(tech, parent.Id(), "signal_bars");

        Assert.Equal(followUp.Id(), (await Expect.JsonObjectAsync(again)).Id());
        Assert.Equal("Follow-up: Network signal strength — 1 bars", Expect.Wire(followUp["title"]));
        Assert.Equal(("repair", "high", "open", terminal, technician.Email),
            (Expect.Wire(followUp["kind"]), Expect.Wire(followUp["priority"]), Expect.Wire(followUp["state"]), Expect.Wire(followUp["terminalId"]),
                Expect.Wire(followUp["assignee"])));
        Assert.InRange(followUp["dueAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddDays(3).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(3));
        Assert.Equal(parent.Id(), (await tech.WorkOrderAsync(followUp.Id()))["followUpOf"]!.GetValue<long>());
        Assert.Equal([followUp.Id()], (await admin.WorkOrderAsync(parent.Id()))["followUps"]!.AsArray().Select(i => i!.GetValue<long>()));
        Assert.Null(parent["followUpOf"]);

        await Expect.ProblemAsync(await RaiseAsync(tech, parent.Id(), "housing_intact"), HttpStatusCode.BadRequest); // it passed
        using var managerClient = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);
        using var otherClient = app.CreateTokenClient((await app.CreateApiTokenAsync(otherTechnician)).Token);
        await Expect.ProblemAsync(await RaiseAsync(managerClient, parent.Id(), "signal_bars"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await RaiseAsync(otherClient, parent.Id(), "signal_bars"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_follow_up_is_kept_with_its_link_and_raised_once_per_item_by_the_service()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var parent = await admin.DoneInspectionAsync(store, housingIntact: false);
        var service = app.GetService<MaintenanceService>();

        var first = await service.RaiseFollowUpAsync(parent, "housing_intact", MaintenanceActor.Bootstrap, null);
        var second = await service.RaiseFollowUpAsync(parent, "housing_intact", MaintenanceActor.Bootstrap, null);

        Assert.Equal(first.Value!.Id, second.Value!.Id);
        Assert.Equal("Follow-up: Housing, keypad and screen undamaged — failed", first.Value.Title);
        Assert.Null(first.Value.Assignee); // the parent was nobody's: a dispatcher books it
        await using var db = app.GetService<FleetOps.Web.Persistence.FleetDbContextFactory>().CreateDbContext();
        var row = db.WorkOrders.Single(w => w.Id == first.Value.Id);
        Assert.Equal((parent, "housing_intact"), (row.FollowUpOf, row.FollowUpItem));
        Assert.Single(db.WorkOrders.Where(w => w.FollowUpOf == parent));
    }
}
