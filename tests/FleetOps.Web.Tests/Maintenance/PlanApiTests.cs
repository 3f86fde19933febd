using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>Preventive plans over HTTP on a fake clock: generation ahead, idempotent when run twice at once, the completion basis, refusals.</summary>
[Collection(AlertClockCollection.Name)]
public sealed class PlanApiTests(AlertClockApp app)
{
    internal static async Task<JsonObject> CreatePlanAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/maintenance/plans", body);
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return await Expect.JsonObjectAsync(response);
    }

    internal static string LocalDate(DateTimeOffset at, int days = 0) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_weekly_store_plan_books_its_technician_30_days_ahead_and_two_generators_at_once_make_each_work_order_once()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var technician = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        using var admin = app.CreateAdminClient();

        var plan = await CreatePlanAsync(admin, new
        {
            name = "Weekly UPS test", storeCode = store, checklist = "power_ups", every = new { count = 1, unit = "week" }, basis = "schedule",
            startsOn = LocalDate(app.Now()), kind = "power", priority = "normal", defaultTechnician = technician.Email,
        });
        var planId = plan.Id();
        var made = await admin.WorkOrdersAsync($"?store={store}");

        Assert.Equal(5, made.Count); // today and every 7 days up to 30 days ahead
        Assert.All(made, o => Assert.Equal(("scheduled", technician.Email, planId), (Expect.Wire(o!["state"]), Expect.Wire(o["assignee"]), o["planId"]!.GetValue<long>())));
        var due = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(Expect.Wire(made[0]!["dueAt"])), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Equal((LocalDate(app.Now()), 17), (due.ToString("yyyy-MM-dd"), due.Hour)); // the store's 17:00

        // A day later a daily plan has one more day in its window; three generators (and the background one) race for it.
        var daily = await CreatePlanAsync(admin, new
        {
            name = "Daily check", storeCode = store, checklist = "terminal_inspection", every = new { count = 1, unit = "day" }, basis = "schedule",
            startsOn = LocalDate(app.Now()), kind = "inspection", priority = "low",
        });
        Assert.Equal(31, (await admin.WorkOrdersAsync($"?store={store}&state=open")).Count);
        app.Clock!.AdjustTime(app.Now().AddDays(1)); // not Advance: a day of the fleet's 250 ms timers is not what this test is about
        var plans = app.GetService<PlanService>();
        await Task.WhenAll(plans.GenerateAsync(), plans.GenerateAsync(), plans.GenerateAsync());

        var dailyOrders = app.GetService<MaintenanceBook>().OfPlan(daily.Id());
        Assert.Equal(32, dailyOrders.Count);
        Assert.Equal(32, dailyOrders.Select(o => o.Occurrence).Distinct().Count());
        using var occurrences = await admin.GetAsync($"/api/v1/maintenance/plans/{planId}/occurrences?from={LocalDate(app.Now())}&to={LocalDate(app.Now(), 60)}");
        var ahead = (await Expect.JsonObjectAsync(occurrences)).Items();
        Assert.Equal(8, ahead.Count); // shown ahead in the calendar, beyond what is generated (yesterday's is no longer ahead)
        Assert.Equal(4, ahead.Count(o => o["workOrderId"] is not null));
    }

    [Fact]
    public async Task A_terminal_named_twice_in_a_plan_in_any_letter_case_is_one_subject_with_one_visit_a_date()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, _) = await app.NewTerminalAsync(store);
        using var admin = app.CreateAdminClient();

        var plan = await CreatePlanAsync(admin, new
        {
            name = "Weekly check", terminalIds = new[] { terminal, terminal.ToUpperInvariant() }, checklist = "terminal_inspection",
            every = new { count = 1, unit = "week" }, startsOn = LocalDate(app.Now()),
        });
        using var occurrences = await admin.GetAsync($"/api/v1/maintenance/plans/{plan.Id()}/occurrences?from={LocalDate(app.Now())}&to={LocalDate(app.Now(), 20)}");

        Assert.Equal([terminal], plan["terminalIds"]!.AsArray().Select(t => Expect.Wire(t)));
        var visits = (await Expect.JsonObjectAsync(occurrences)).Items();
        Assert.Equal(3, visits.Count); // today, in 7 and in 14 days: once each
        Assert.Equal(3, visits.Select(v => Expect.Wire(v["date"])).Distinct().Count());
    }

    [Fact]
    public async Task A_plan_reaching_a_store_manager_s_store_and_another_lists_only_their_terminals_to_them()
    {
        var (mine, other) = (await app.CreateStoreAsync(Ids.New("S")), await app.CreateStoreAsync(Ids.New("S")));
        var (myTerminal, _) = await app.NewTerminalAsync(mine);
        var (otherTerminal, _) = await app.NewTerminalAsync(other);
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [mine]);
        using var admin = app.CreateAdminClient();
        var plan = await CreatePlanAsync(admin, new
        {
            name = "Two stores", terminalIds = new[] { myTerminal, otherTerminal }, checklist = "terminal_inspection",
            every = new { count = 1, unit = "month" }, startsOn = LocalDate(app.Now()),
        });
        using var client = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);

        using var listed = await client.GetAsync("/api/v1/maintenance/plans");

        // As the plans page counts only their terminals: the other store's terminal id is not theirs to learn.
        var seen = Assert.Single((await Expect.JsonObjectAsync(listed)).Items(), p => p.Id() == plan.Id());
        Assert.Equal([myTerminal], seen["terminalIds"]!.AsArray().Select(t => Expect.Wire(t)));
        Assert.Equal(2, plan["terminalIds"]!.AsArray().Count); // the administrator who made it sees both
    }

    [Fact]
    public async Task A_completion_basis_plan_makes_the_next_work_order_only_once_the_previous_is_done()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, _) = await app.NewTerminalAsync(store);
        using var admin = app.CreateAdminClient();
        await CreatePlanAsync(admin, new
        {
            name = "Clean the reader", terminalIds = new[] { terminal }, checklist = "terminal_inspection", every = new { count = 2, unit = "month" },
            basis = "completion", startsOn = LocalDate(app.Now(), 1), kind = "inspection", priority = "low",
        });
        var first = Assert.Single(await admin.WorkOrdersAsync($"?store={store}"))!.AsObject();
        Assert.Equal(terminal, Expect.Wire(first["terminalId"]));
        Assert.Equal(0, await app.GetService<PlanService>().GenerateAsync());

        await Expect.StatusAsync(await admin.CommandAsync(first.Id(), "start"), HttpStatusCode.OK);
        var signature = await admin.SignAsync(first.Id());
        await Expect.StatusAsync(await admin.CommandAsync(first.Id(), "complete", MaintenanceCalls.Inspection(signature)), HttpStatusCode.OK);
        await app.GetService<PlanService>().GenerateAsync();

        var next = (await admin.WorkOrdersAsync($"?store={store}&state=open")).Single()!;
        Assert.StartsWith(DateOnly.Parse(LocalDate(app.Now())).AddMonths(2).ToString("yyyy-MM-dd"), Expect.Wire(next["dueAt"]));
    }

    [Fact]
    public async Task Ending_a_plan_stops_generation_keeps_its_work_orders_and_is_for_those_who_may_create_it()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var plan = await CreatePlanAsync(admin, new
        {
            name = "Daily till check", storeCode = store, checklist = "terminal_inspection", every = new { count = 1, unit = "day" }, basis = "schedule",
            startsOn = LocalDate(app.Now()), kind = "inspection", priority = "low",
        });
        var made = app.GetService<MaintenanceBook>().OfPlan(plan.Id()).Count;
        Assert.Equal(31, made);
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        var stranger = await app.CreateUserAsync(Roles.RegionalManager, regions: ["Nowhere"]);
        using var managerClient = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);
        using var strangerClient = app.CreateTokenClient((await app.CreateApiTokenAsync(stranger)).Token);

        await Expect.StatusAsync(await managerClient.PostAsync($"/api/v1/maintenance/plans/{plan.Id()}/end", null), HttpStatusCode.Forbidden); // sees it, may not end it
        await Expect.StatusAsync(await strangerClient.PostAsync($"/api/v1/maintenance/plans/{plan.Id()}/end", null), HttpStatusCode.NotFound); // not among theirs
        using var ended = await admin.PostAsync($"/api/v1/maintenance/plans/{plan.Id()}/end", null);
        await Expect.StatusAsync(ended, HttpStatusCode.OK);
        Assert.False((await Expect.JsonObjectAsync(ended))["active"]!.GetValue<bool>());
        await Expect.StatusAsync(await admin.PostAsync($"/api/v1/maintenance/plans/{plan.Id()}/end", null), HttpStatusCode.Conflict);

        // A day later the window has a new day, but an ended plan makes nothing; what it made is still there, and nothing shows ahead.
        app.Clock!.AdjustTime(app.Now().AddDays(1));
        await app.GetService<PlanService>().GenerateAsync();
        Assert.Equal(made, app.GetService<MaintenanceBook>().OfPlan(plan.Id()).Count);
        Assert.Equal(made, (await admin.WorkOrdersAsync($"?store={store}&pageSize=500")).Count);
        using var ahead = await admin.GetAsync($"/api/v1/maintenance/plans/{plan.Id()}/occurrences?from={LocalDate(app.Now(), 31)}&to={LocalDate(app.Now(), 60)}");
        Assert.Empty((await Expect.JsonObjectAsync(ahead)).Items());
        var audit = Assert.Single(await app.AuditAsync(AuditActions.MaintenancePlanEnded), a => a.Target == $"plan {plan.Id()}");
        Assert.Contains("31 open work orders kept", audit.Details);
    }

    [Fact]
    public async Task A_default_technician_who_does_not_look_after_the_store_is_refused_as_a_booking_would_be()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var otherStore = await app.CreateStoreAsync(Ids.New("S"));
        var elsewhere = await app.CreateUserAsync(Roles.Technician, stores: [otherStore]);
        using var admin = app.CreateAdminClient();

        using var response = await admin.PostAsJsonAsync("/api/v1/maintenance/plans", new
        {
            name = "Weekly UPS test", storeCode = store, checklist = "power_ups", every = new { count = 1, unit = "week" }, basis = "schedule",
            startsOn = LocalDate(app.Now()), kind = "power", priority = "normal", defaultTechnician = elsewhere.Email,
        });

        // The generator would book every visit to someone who cannot see it; booking one by hand says the same.
        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(("defaultTechnician", $"{elsewhere.Email} does not look after store {store}."), (Expect.Wire(problem["field"]), Expect.Wire(problem["detail"])));
        Assert.DoesNotContain(app.GetService<MaintenanceBook>().Plans, p => p.StoreCode == store);
        Assert.Empty(await admin.WorkOrdersAsync($"?store={store}"));
    }

    [Fact]
    public async Task A_plan_with_an_empty_store_code_is_refused_as_a_missing_field_not_an_unknown_store()
    {
        using var admin = app.CreateAdminClient();

        using var response = await admin.PostAsJsonAsync("/api/v1/maintenance/plans", new
        {
            name = "Weekly UPS test", storeCode = " ", checklist = "power_ups", every = new { count = 1, unit = "week" }, startsOn = LocalDate(app.Now()),
        });

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(("storeCode", "'storeCode' is required."), (Expect.Wire(problem["field"]), Expect.Wire(problem["detail"])));
    }

    [Theory]
    [InlineData("from=9999-12-31", "from")]
    [InlineData("from=9999-01-01&to=9999-12-31", "from")]
    [InlineData("from=0001-01-01", "from")]
    [InlineData("from=2099-12-01&to=9999-12-31", "to")]
    public async Task Occurrences_at_the_ends_of_the_calendar_are_a_400_naming_the_date(string query, string field)
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var plan = await CreatePlanAsync(admin, new
        {
            name = "Daily check", storeCode = store, checklist = "terminal_inspection", every = new { count = 1, unit = "day" }, basis = "schedule",
            startsOn = LocalDate(app.Now()), kind = "inspection", priority = "low",
        });

        using var response = await admin.GetAsync($"/api/v1/maintenance/plans/{plan.Id()}/occurrences?{query}");

        await Expect.ValidationProblemAsync(response, field);
    }

    public static TheoryData<string, object> BadPlans() => new()
    {
        { "every.count below 1", new { name = "x", storeCode = "{store}", checklist = "power_ups", every = new { count = 0, unit = "week" }, startsOn = "2027-01-01" } },
        { "two targets", new { name = "x", storeCode = "{store}", model = "A920", checklist = "power_ups", every = new { count = 1, unit = "week" }, startsOn = "2027-01-01" } },
        { "unknown checklist", new { name = "x", storeCode = "{store}", checklist = "nope", every = new { count = 1, unit = "week" }, startsOn = "2027-01-01" } },
        { "no start", new { name = "x", storeCode = "{store}", checklist = "power_ups", every = new { count = 1, unit = "week" } } },
        { "card number as checklist", new { name = "x", storeCode = "{store}", checklist = "4111111111111111", every = new { count = 1, unit = "week" }, startsOn = "2027-01-01" } },
        { "card number as technician", new { name = "x", storeCode = "{store}", checklist = "power_ups", every = new { count = 1, unit = "week" }, startsOn = "2027-01-01",
            defaultTechnician = "4111111111111111@example.com" } },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task A_plan_that_cannot_recur_is_a_400(string why, object body)
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var json = System.Text.Json.JsonSerializer.Serialize(body).Replace("{store}", store);

        using var response = await admin.PostAsync("/api/v1/maintenance/plans", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {text}");
        Assert.DoesNotContain("4111111111111111", text, StringComparison.Ordinal); // a refusal never quotes a card number back
    }
}
