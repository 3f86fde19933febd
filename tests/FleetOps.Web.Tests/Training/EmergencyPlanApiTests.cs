using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Training;

/// <summary>
/// A store's emergency plan over HTTP (issue 15 item 7): the template in the caller's language until saved, a save that
/// names the bad field, a stale version refused, the keepers and the readers, the audit line, and the plan after a restart.
/// </summary>
public sealed class EmergencyPlanApiTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static string Path(string store) => $"/api/v1/stores/{store}/emergency-plan";

    private static object Plan(string phone = "95516", int? version = null) => new
    {
        version,
        hotline = new { name = "UnionPay Merchant Services", phone },
        electrician = new { name = "Mr Wang", phone = "021-6888-0000" },
        upsLocation = "Under the checkout",
        procedures = new object[] { new { procedure = "terminal_dies", steps = new[] { "Use the spare terminal.", "Call the technician." } } },
    };

    private static JsonObject Procedure(JsonObject plan, string name) =>
        plan["procedures"]!.AsArray().Select(p => p!.AsObject()).Single(p => Expect.Wire(p["procedure"]) == name);

    [Fact]
    public async Task A_new_store_answers_the_template_in_the_callers_language_with_version_zero()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();

        var english = await Expect.JsonObjectAsync(await admin.GetAsync(Path(store)));
        Assert.Equal(0, english["version"]!.GetValue<int>());
        var steps = Procedure(english, "power_fails_mid_payment");
        Assert.True(steps["fromTemplate"]!.GetValue<bool>());
        Assert.Contains("do not hand over the goods", Expect.Wire(steps["steps"]![0]));

        using var request = new HttpRequestMessage(HttpMethod.Get, Path(store));
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = await Expect.JsonObjectAsync(await admin.SendAsync(request));
        Assert.Contains("不要把商品交给顾客", Expect.Wire(Procedure(chinese, "power_fails_mid_payment")["steps"]![0]));
    }

    [Fact]
    public async Task Every_contact_reads_as_its_name_and_phone_and_nothing_else()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        await Expect.StatusAsync(await admin.PutAsJsonAsync(Path(store), Plan()), HttpStatusCode.OK);

        var plan = await Expect.JsonObjectAsync(await admin.GetAsync(Path(store)));

        var contacts = new[] { plan["hotline"], plan["technician"], plan["electrician"] }.Concat(plan["otherContacts"]!.AsArray());
        Assert.All(contacts, c => Assert.Equal(["name", "phone"], c!.AsObject().Select(p => p.Key).Order()));
    }

    [Fact]
    public async Task A_save_with_several_problems_names_every_one_of_their_fields_at_once()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        using var client = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);

        using var bad = await client.PutAsJsonAsync(Path(store), new
        {
            hotline = new { name = "", phone = "call bank" },
            electrician = new { name = "Mr Wang", phone = "12" },
            procedures = new object[] { new { procedure = "terminal_dies", steps = new[] { "Use the spare terminal.", "" } } },
        });

        await Expect.StatusAsync(bad, HttpStatusCode.BadRequest);
        Assert.Equal(["electrician.phone", "hotline.name", "hotline.phone", "steps.terminal_dies[1]"],
            (await Expect.JsonObjectAsync(bad))["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task A_save_keeps_the_plan_as_written_names_a_bad_field_and_refuses_a_stale_version()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        using var client = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);

        using var bad = await client.PutAsJsonAsync(Path(store), Plan(phone: "ring the bank"));
        await Expect.StatusAsync(bad, HttpStatusCode.BadRequest);
        Assert.Contains("hotline.phone", (await Expect.JsonObjectAsync(bad))["errors"]!.AsObject().Select(e => e.Key));

        using var saved = await client.PutAsJsonAsync(Path(store), Plan(version: 0));
        await Expect.StatusAsync(saved, HttpStatusCode.OK);
        var plan = await Expect.JsonObjectAsync(saved);
        Assert.Equal((1, "95516"), (plan["version"]!.GetValue<int>(), Expect.Wire(plan["hotline"]!["phone"])));
        Assert.Equal(["Use the spare terminal.", "Call the technician."], Procedure(plan, "terminal_dies")["steps"]!.AsArray().Select(Expect.Wire));
        Assert.False(Procedure(plan, "terminal_dies")["fromTemplate"]!.GetValue<bool>());
        Assert.True(Procedure(plan, "store_power_outage")["fromTemplate"]!.GetValue<bool>());
        Assert.Equal(manager.Email, Expect.Wire(plan["lastReviewedBy"]));

        using var stale = await client.PutAsJsonAsync(Path(store), Plan(phone: "400-820-8888", version: 0));
        await Expect.StatusAsync(stale, HttpStatusCode.Conflict);
        var kept = await Expect.JsonObjectAsync(await client.GetAsync(Path(store)));
        Assert.Equal("95516", Expect.Wire(kept["hotline"]!["phone"]));

        var audit = await app.AuditAsync(AuditActions.EmergencyPlanSaved);
        Assert.Contains(audit, a => a.Actor == manager.Email && a.Target == store && a.Details == "version 1");
    }

    [Fact]
    public async Task A_technician_reads_but_may_not_save_a_manager_of_another_store_sees_nothing_and_an_unknown_store_is_404()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var other = await app.CreateStoreAsync(Ids.New("S"));
        var technician = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        var outsider = await app.CreateUserAsync(Roles.StoreManager, stores: [other]);
        using var tech = app.CreateTokenClient((await app.CreateApiTokenAsync(technician)).Token);
        using var stranger = app.CreateTokenClient((await app.CreateApiTokenAsync(outsider)).Token);

        await Expect.StatusAsync(await tech.GetAsync(Path(store)), HttpStatusCode.OK);
        await Expect.StatusAsync(await tech.PutAsJsonAsync(Path(store), Plan()), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await tech.PostAsync($"{Path(store)}/review", null), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await stranger.GetAsync(Path(store)), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await stranger.PutAsJsonAsync(Path(store), Plan()), HttpStatusCode.NotFound);
        using var admin = app.CreateAdminClient();
        await Expect.StatusAsync(await admin.GetAsync(Path("NO-SUCH-STORE")), HttpStatusCode.NotFound);
        Assert.DoesNotContain(await app.AuditAsync(AuditActions.EmergencyPlanSaved), a => a.Target == store);
    }

    [Fact]
    public async Task A_review_is_refused_before_the_first_save_then_recorded_and_audited()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();

        await Expect.StatusAsync(await admin.PostAsync($"{Path(store)}/review", null), HttpStatusCode.Conflict);
        await Expect.StatusAsync(await admin.PutAsJsonAsync(Path(store), Plan()), HttpStatusCode.OK);
        using var reviewed = await admin.PostAsync($"{Path(store)}/review?version=1", null);
        await Expect.StatusAsync(reviewed, HttpStatusCode.OK);

        Assert.Equal(1, (await Expect.JsonObjectAsync(reviewed))["version"]!.GetValue<int>()); // nothing changed
        Assert.Contains(await app.AuditAsync(AuditActions.EmergencyPlanReviewed), a => a.Target == store);
    }
}
