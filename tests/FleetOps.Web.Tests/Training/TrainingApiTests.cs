using System.Net;
using System.Net.Http.Json;
using FleetOps.Core.Alerts;
using FleetOps.Web.Alerts;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;

namespace FleetOps.Web.Tests.Training;

/// <summary>
/// Staff training over HTTP (docs/api.md §9): the roster, programmes, sessions and compliance with their status codes and
/// bodies, every refusal naming its field, scoping per role, and the <c>training_overdue</c> alert opening and resolving.
/// </summary>
public sealed class TrainingApiTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task A_roster_is_kept_and_a_person_who_left_keeps_their_history()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var li = await admin.AddStaffAsync(store, "Li Na");
        var zhou = await admin.AddStaffAsync(store, "Zhou Bo", "supervisor");
        await Expect.StatusAsync(await admin.SessionAsync(store, "card_payment", TrainingCalls.Today(-3), [li, zhou]), HttpStatusCode.Created);

        using var left = await admin.DeleteAsync($"/api/v1/stores/{store}/staff/{zhou}");
        await Expect.StatusAsync(left, HttpStatusCode.NoContent);

        using var listed = await admin.GetAsync($"/api/v1/stores/{store}/staff");
        var items = (await Expect.JsonObjectAsync(listed)).Items();
        Assert.Equal([("Li Na", "cashier", "2025-03-01", "(null)"), ("Zhou Bo", "supervisor", "2025-03-01", TrainingCalls.Today())],
            items.Select(p => (Expect.Wire(p["name"]), Expect.Wire(p["role"]), Expect.Wire(p["startedOn"]), p["leftOn"] is null ? "(null)" : Expect.Wire(p["leftOn"]))));
        var compliance = await admin.ComplianceAsync(store);
        Assert.Equal(1, compliance["staff"]!.GetValue<int>()); // only people still employed count
        using var sessions = await admin.GetAsync($"/api/v1/training/sessions?store={store}");
        var session = Assert.Single((await Expect.JsonObjectAsync(sessions)).Items());
        Assert.Equal([li, zhou], session["staffIds"]!.AsArray().Select(i => i!.GetValue<long>()).Order()); // the session still lists who left
        Assert.Single(await app.AuditAsync(AuditActions.StaffLeft), r => r.Target == $"staff {zhou}");
    }

    [Fact]
    public async Task A_person_already_on_the_roster_is_a_409_naming_the_name_until_they_have_left()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var chen = await admin.AddStaffAsync(store, "Chen Li", "cashier");

        // The same person typed again, with other spaces and letter case: refused, and nothing is added.
        using var again = await admin.PostAsJsonAsync($"/api/v1/stores/{store}/staff", new { name = " chen li ", role = "Cashier", startedOn = "2025-04-01" });
        var problem = await Expect.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("name", Expect.Wire(problem["field"]));
        Assert.Equal($"Chen Li (cashier) is already on the roster of store {store}.", Expect.Wire(problem["detail"]));
        using var listed = await admin.GetAsync($"/api/v1/stores/{store}/staff");
        Assert.Single((await Expect.JsonObjectAsync(listed)).Items());

        // A namesake in another role is someone else; a person who left may come back.
        await admin.AddStaffAsync(store, "Chen Li", "supervisor");
        using var left = await admin.DeleteAsync($"/api/v1/stores/{store}/staff/{chen}");
        await Expect.StatusAsync(left, HttpStatusCode.NoContent);
        await admin.AddStaffAsync(store, "Chen Li", "cashier");
    }

    [Fact]
    public async Task The_programmes_are_listed_with_their_items_and_validity()
    {
        using var admin = app.CreateAdminClient();
        using var response = await admin.GetAsync("/api/v1/training/programmes");
        var items = (await Expect.JsonObjectAsync(response)).Items();

        Assert.Equal(["card_payment", "power_failure", "daily_settlement", "automatic_reversal", "terminal_care", "emergency_plan"],
            items.Select(p => Expect.Wire(p["key"])));
        var plan = items.Single(p => Expect.Wire(p["key"]) == "emergency_plan");
        Assert.Equal(6, plan["validForMonths"]!.GetValue<int>());
        Assert.Contains(plan["items"]!.AsArray(), i => Expect.Wire(i!["key"]) == "explains_plan" && Expect.Wire(i["type"]) == "check" && i["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Compliance_rises_as_people_are_trained_in_every_programme()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var ids = new[] { await admin.AddStaffAsync(store, "A"), await admin.AddStaffAsync(store, "B"), await admin.AddStaffAsync(store, "C") };
        var before = await admin.ComplianceAsync(store);
        Assert.Equal((3, 0, 3, 0.0), (before["staff"]!.GetValue<int>(), before["current"]!.GetValue<int>(), before["neverTrained"]!.GetValue<int>(),
            before["percentCurrent"]!.GetValue<double>()));

        await admin.TrainFullyAsync(store, TrainingCalls.Today(), ids[0], ids[1]);
        await Expect.StatusAsync(await admin.SessionAsync(store, "card_payment", TrainingCalls.Today(-400), [ids[2]]), HttpStatusCode.Created);

        var after = await admin.ComplianceAsync(store);
        Assert.Equal((3, 2, 0, 1, 0, 66.7, 0, false), (after["staff"]!.GetValue<int>(), after["current"]!.GetValue<int>(), after["dueSoon"]!.GetValue<int>(),
            after["overdue"]!.GetValue<int>(), after["neverTrained"]!.GetValue<int>(), after["percentCurrent"]!.GetValue<double>(),
            after["operatorFailures30d"]!.GetValue<int>(), after["trainingRecommended"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_store_with_an_overdue_person_has_a_training_overdue_alert_until_they_are_trained_again()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var person = await admin.AddStaffAsync(store, "Overdue Person");
        await admin.TrainFullyAsync(store, TrainingCalls.Today(-400), person);
        var alerts = app.GetService<AlertService>();
        var book = app.GetService<AlertBook>();

        await alerts.EvaluateAsync();
        var alert = Assert.Single(book.Active, a => a.StoreCode == store && a.Kind == AlertKind.TrainingOverdue);
        Assert.Equal((AlertSeverity.Warning, null), (alert.Severity, alert.TerminalId));
        Assert.Equal($"Staff training at {store} is overdue", AlertTitle.Of(alert));

        await admin.TrainFullyAsync(store, TrainingCalls.Today(), person);
        await alerts.EvaluateAsync();
        Assert.DoesNotContain(book.Active, a => a.StoreCode == store && a.Kind == AlertKind.TrainingOverdue);
    }

    public static TheoryData<string, object, string> Refusals => new()
    {
        { "programme", new { programme = "juggling" }, "There is no training programme 'juggling'." },
        { "heldOn", new { heldOn = TrainingCalls.Today(2) }, "'heldOn' may not be in the future." },
        { "trainer", new { trainer = " " }, "'trainer' is required." },
        { "staffIds", new { staffIds = Array.Empty<long>() }, "'staffIds' must name at least one staff member." },
        { "completedItems", new { completedItems = new[] { "pin_step", "juggling" } }, "Programme 'card_payment' has no item 'juggling'." },
        { "storeCode", new { storeCode = "NO-SUCH" }, "There is no store 'NO-SUCH'." },
        { "completedItems", new { completedItems = new[] { "pin_step", null } }, "'completedItems' holds an empty value." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_session_that_would_record_an_untrue_training_is_400_naming_the_field(string field, object change, string detail)
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var person = await admin.AddStaffAsync(store, "Someone");
        var body = new Dictionary<string, object?>
        {
            ["storeCode"] = store, ["programme"] = "card_payment", ["heldOn"] = TrainingCalls.Today(), ["trainer"] = "Wang Fang",
            ["staffIds"] = new[] { person }, ["completedItems"] = TrainingCalls.Required("card_payment"),
        };
        foreach (var property in change.GetType().GetProperties()) body[property.Name] = property.GetValue(change);

        using var response = await admin.PostAsJsonAsync("/api/v1/training/sessions", body);

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(detail, Expect.Wire(problem["detail"]));
        Assert.Equal(field, Expect.Wire(problem["field"]));
    }

    [Fact]
    public async Task Staff_of_another_store_or_who_left_before_the_day_cannot_be_trained()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var other = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var stranger = await admin.AddStaffAsync(other, "Elsewhere");
        var leaver = await admin.AddStaffAsync(store, "Leaver");
        // Left five days ago (the roster's DELETE marks today, and a session today is still theirs).
        var book = app.GetService<FleetOps.Web.Training.TrainingBook>();
        book.Put(book.Staff(leaver)! with { LeftOn = DateOnly.Parse(TrainingCalls.Today(-5)) });

        var foreign = await Expect.ProblemAsync(await admin.SessionAsync(store, "card_payment", TrainingCalls.Today(), [stranger]), HttpStatusCode.BadRequest);
        var gone = await Expect.ProblemAsync(await admin.SessionAsync(store, "card_payment", TrainingCalls.Today(-1), [leaver]), HttpStatusCode.BadRequest);
        using var before = await admin.SessionAsync(store, "card_payment", TrainingCalls.Today(-6), [leaver]);

        Assert.Equal($"Staff member {stranger} is not on the roster of store {store}.", Expect.Wire(foreign["detail"]));
        Assert.Equal($"Staff member {leaver} had left the store before {TrainingCalls.Today(-1)}.", Expect.Wire(gone["detail"]));
        Assert.Equal(("staffIds", "staffIds"), (Expect.Wire(foreign["field"]), Expect.Wire(gone["field"])));
        await Expect.StatusAsync(before, HttpStatusCode.Created); // held while they still worked there
    }

    [Fact]
    public async Task Bad_input_and_unknown_stores_are_clear_4xx()
    {
        using var admin = app.CreateAdminClient();
        using var wrongType = await admin.PostAsync("/api/v1/training/sessions",
            new StringContent("""{"storeCode":"X","heldOn":42}""", System.Text.Encoding.UTF8, "application/json"));
        using var malformed = await admin.PostAsync("/api/v1/stores/X/staff", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json"));
        using var unknownStore = await admin.PostAsJsonAsync("/api/v1/stores/NO-SUCH/staff", new { name = "A", role = "cashier", startedOn = "2025-01-01" });
        using var unknownList = await admin.GetAsync("/api/v1/stores/NO-SUCH/staff");
        using var missingStart = await admin.PostAsJsonAsync($"/api/v1/stores/{await app.DefaultStoreAsync()}/staff", new { name = "A", role = "cashier" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await Expect.ProblemAsync(unknownStore, HttpStatusCode.NotFound);
        await Expect.ProblemAsync(unknownList, HttpStatusCode.NotFound);
        Assert.Equal("'startedOn' is required.", Expect.Wire((await Expect.ProblemAsync(missingStart, HttpStatusCode.BadRequest))["detail"]));
    }

    [Fact]
    public async Task Store_managers_keep_only_their_stores_and_technicians_record_only_where_they_visit()
    {
        var mine = await app.CreateStoreAsync(Ids.New("S"));
        var theirs = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var otherPerson = await admin.AddStaffAsync(theirs, "Not yours");
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [mine]);
        var technician = await app.CreateUserAsync(Roles.Technician, stores: [mine, theirs]);
        using var managerClient = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);
        using var techClient = app.CreateTokenClient((await app.CreateApiTokenAsync(technician)).Token);

        var person = await managerClient.AddStaffAsync(mine, "Mine");
        using var foreignAdd = await managerClient.PostAsJsonAsync($"/api/v1/stores/{theirs}/staff", new { name = "X", role = "cashier", startedOn = "2025-01-01" });
        using var foreignList = await managerClient.GetAsync($"/api/v1/stores/{theirs}/staff");
        using var foreignLeave = await managerClient.DeleteAsync($"/api/v1/stores/{theirs}/staff/{otherPerson}");
        using var compliance = await managerClient.GetAsync("/api/v1/training/compliance");
        using var techAdd = await techClient.PostAsJsonAsync($"/api/v1/stores/{mine}/staff", new { name = "X", role = "cashier", startedOn = "2025-01-01" });
        using var techBeforeVisit = await techClient.SessionAsync(mine, "terminal_care", TrainingCalls.Today(), [person]);

        await Expect.ProblemAsync(foreignAdd, HttpStatusCode.NotFound);
        await Expect.ProblemAsync(foreignList, HttpStatusCode.NotFound);
        await Expect.ProblemAsync(foreignLeave, HttpStatusCode.NotFound);
        Assert.Equal([mine], (await Expect.JsonObjectAsync(compliance))["stores"]!.AsArray().Select(s => Expect.Wire(s!["storeCode"])));
        await Expect.ProblemAsync(techAdd, HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(techBeforeVisit, HttpStatusCode.Forbidden);

        using var order = await admin.PostAsJsonAsync("/api/v1/workorders", new
        {
            storeCode = mine, title = "Visit", kind = "inspection", priority = "normal", dueAt = DateTimeOffset.UtcNow.AddDays(1), checklist = "terminal_inspection",
        });
        var orderId = (await Expect.JsonObjectAsync(order))["id"]!.GetValue<long>();
        await Expect.StatusAsync(await admin.PostAsJsonAsync($"/api/v1/workorders/{orderId}/schedule",
            new { assignee = technician.Email, start = DateTimeOffset.UtcNow.AddHours(1), end = DateTimeOffset.UtcNow.AddHours(2) }), HttpStatusCode.OK);

        using var techAfterVisit = await techClient.SessionAsync(mine, "terminal_care", TrainingCalls.Today(), [person]);
        using var techElsewhere = await techClient.SessionAsync(theirs, "terminal_care", TrainingCalls.Today(), [otherPerson]);
        await Expect.StatusAsync(techAfterVisit, HttpStatusCode.Created);
        await Expect.ProblemAsync(techElsewhere, HttpStatusCode.Forbidden);
        Assert.Single(await app.AuditAsync(AuditActions.TrainingRecorded), r => r.Actor == technician.Email);
    }
}
