using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;
using static FleetOps.Web.Tests.Maintenance.PlanApiTests;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>
/// <c>PUT /api/v1/maintenance/plans/{id}</c> on a fake clock: the untouched generated work orders follow the edit, booked
/// ones stay, a visit off the new schedule is cancelled without blocking the same date later, and the refusals.
/// </summary>
[Collection(AlertClockCollection.Name)]
public sealed class PlanEditApiTests(AlertClockApp app)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>A weekly UPS test of <paramref name="store"/> from tomorrow: five visits in the 30 days generated ahead.</summary>
    private static object Weekly(string store, string name = "Weekly UPS test", int every = 1, string dueTime = "17:00", DateTimeOffset? now = null) => new
    {
        name, storeCode = store, checklist = "power_ups", every = new { count = every, unit = "week" }, basis = "schedule",
        startsOn = LocalDate(now!.Value, 1), kind = "power", priority = "normal", dueTime,
    };

    private static Task<HttpResponseMessage> EditAsync(HttpClient client, long id, object body) =>
        client.PutAsJsonAsync($"/api/v1/maintenance/plans/{id}", body);

    private static DateOnly Day(WorkOrder o) => Recurrence.LocalDate(o.DueAt, Shanghai);

    [Fact]
    public async Task Every_week_to_every_two_weeks_updates_the_untouched_visits_cancels_those_off_the_schedule_and_leaves_booked_work_alone()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var technician = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        using var admin = app.CreateAdminClient();
        var plan = await CreatePlanAsync(admin, Weekly(store, now: app.Now()));
        var book = app.GetService<MaintenanceBook>();
        var made = book.OfPlan(plan.Id()).OrderBy(o => o.DueAt).ToList();
        Assert.Equal(5, made.Count); // tomorrow and 7, 14, 21, 28 days later
        var booked = made[1];
        await Expect.StatusAsync(await admin.ScheduleAsync(booked.Id, technician.Email, booked.DueAt.AddHours(-1), booked.DueAt), HttpStatusCode.OK);

        using var response = await EditAsync(admin, plan.Id(), new
        {
            name = "Fortnightly UPS test", checklist = "power_ups", every = new { count = 2, unit = "week" }, basis = "schedule",
            startsOn = LocalDate(app.Now(), 1), kind = "power", priority = "high", dueTime = "09:30",
        });

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var edited = await Expect.JsonObjectAsync(response);
        Assert.Equal(("Fortnightly UPS test", 2, "high", store), (Expect.Wire(edited["name"]), edited["every"]!["count"]!.GetValue<int>(),
            Expect.Wire(edited["priority"]), Expect.Wire(edited["storeCode"])));
        var after = book.OfPlan(plan.Id()).ToDictionary(o => o.Id);
        // Tomorrow, +14 and +28 are on the new schedule: they follow the plan, due 09:30 on their own date.
        foreach (var kept in new[] { made[0], made[2], made[4] })
        {
            var now = after[kept.Id];
            Assert.Equal((WorkOrderState.Open, "Fortnightly UPS test", WorkOrderPriority.High, Day(kept), new TimeOnly(9, 30)),
                (now.State, now.Title, now.Priority, Day(now), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now.DueAt, Shanghai).DateTime)));
        }
        // +21 is not: cancelled, saying why. +7 was booked to the technician: as it was.
        Assert.Equal((WorkOrderState.Cancelled, PlanRevision.Reason), (after[made[3].Id].State, after[made[3].Id].Reason));
        Assert.Equal((WorkOrderState.Scheduled, "Weekly UPS test", booked.DueAt), (after[booked.Id].State, after[booked.Id].Title, after[booked.Id].DueAt));
        Assert.Equal(5, after.Count); // nothing new: the new schedule's dates in the window are all there
        var audit = Assert.Single(await app.AuditAsync(AuditActions.MaintenancePlanEdited), a => a.Target == $"plan {plan.Id()}");
        Assert.Equal("name Weekly UPS test → Fortnightly UPS test; interval 1 week → 2 weeks; due time 17:00 → 09:30; priority normal → high; "
            + "work orders: 3 updated, 1 cancelled", audit.Details);

        // Two weeks on, the window reaches the new schedule's next date only (+42), not the old one's (+35).
        app.Clock!.AdjustTime(app.Now().AddDays(14));
        await app.GetService<PlanService>().GenerateAsync();
        var next = Assert.Single(book.OfPlan(plan.Id()), o => !after.ContainsKey(o.Id));
        Assert.Equal(Day(made[0]).AddDays(42), Day(next));
    }

    [Fact]
    public async Task A_date_cancelled_by_an_edit_is_made_again_when_a_later_edit_brings_it_back_and_a_kept_date_is_not_made_twice()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var plan = await CreatePlanAsync(admin, Weekly(store, now: app.Now()));
        var book = app.GetService<MaintenanceBook>();
        var made = book.OfPlan(plan.Id()).OrderBy(o => o.DueAt).ToList();

        await Expect.StatusAsync(await EditAsync(admin, plan.Id(), Weekly(store, every: 2, now: app.Now())), HttpStatusCode.OK);
        await Expect.StatusAsync(await EditAsync(admin, plan.Id(), Weekly(store, every: 1, now: app.Now())), HttpStatusCode.OK);

        var open = book.OfPlan(plan.Id()).Where(o => o.IsOpen).OrderBy(o => o.DueAt).ToList();
        Assert.Equal(made.Select(Day), open.Select(Day)); // every week again, once a date
        Assert.Equal([made[0].Id, made[2].Id, made[4].Id], open.Select(o => o.Id).Intersect(made.Select(o => o.Id)).Order());
        Assert.Equal(2, book.OfPlan(plan.Id()).Count(o => o.State == WorkOrderState.Cancelled));
    }

    [Fact]
    public async Task On_a_completion_basis_the_open_first_visit_moves_to_the_new_start_and_no_second_one_is_made()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, _) = await app.NewTerminalAsync(store);
        using var admin = app.CreateAdminClient();
        object Body(int months, int startsIn) => new
        {
            name = "Clean the reader", terminalIds = new[] { terminal }, checklist = "terminal_inspection", every = new { count = months, unit = "month" },
            basis = "completion", startsOn = LocalDate(app.Now(), startsIn),
        };
        var plan = await CreatePlanAsync(admin, Body(2, 1));
        var first = Assert.Single(app.GetService<MaintenanceBook>().OfPlan(plan.Id()));

        await Expect.StatusAsync(await EditAsync(admin, plan.Id(), Body(1, 3)), HttpStatusCode.OK);

        var now = Assert.Single(app.GetService<MaintenanceBook>().OfPlan(plan.Id()));
        Assert.Equal((first.Id, WorkOrderState.Open, LocalDate(app.Now(), 3)), (now.Id, now.State, Day(now).ToString("yyyy-MM-dd")));
        Assert.EndsWith("work orders: 1 updated, 0 cancelled", Assert.Single(await app.AuditAsync(AuditActions.MaintenancePlanEdited),
            a => a.Target == $"plan {plan.Id()}").Details);
    }

    [Fact]
    public async Task A_new_technician_takes_the_visits_the_plan_booked_for_the_old_one_but_not_one_a_dispatcher_moved()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var leaving = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        var joining = await app.CreateUserAsync(Roles.Technician, stores: [store]);
        using var admin = app.CreateAdminClient();
        object Body(string? technician, int minutes) => new
        {
            name = "Weekly UPS test", storeCode = store, checklist = "power_ups", every = new { count = 1, unit = "week" }, basis = "schedule",
            startsOn = LocalDate(app.Now(), 1), dueTime = "17:00", defaultTechnician = technician, estimatedMinutes = minutes,
        };
        var plan = await CreatePlanAsync(admin, Body(leaving.Email, 60));
        var book = app.GetService<MaintenanceBook>();
        var made = book.OfPlan(plan.Id()).OrderBy(o => o.DueAt).ToList();
        Assert.All(made, o => Assert.Equal((WorkOrderState.Scheduled, leaving.Email), (o.State, o.Assignee)));
        var moved = made[2]; // a dispatcher moved this one to the morning: their booking, not the plan's
        await Expect.StatusAsync(await admin.ScheduleAsync(moved.Id, leaving.Email, moved.DueAt.AddHours(-8), moved.DueAt.AddHours(-7)), HttpStatusCode.OK);

        using var response = await EditAsync(admin, plan.Id(), Body(joining.Email, 90));

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var after = book.OfPlan(plan.Id()).ToDictionary(o => o.Id);
        foreach (var visit in made.Where(o => o.Id != moved.Id))
        {
            var now = after[visit.Id];
            Assert.Equal((WorkOrderState.Scheduled, joining.Email, visit.DueAt.AddMinutes(-90), visit.DueAt),
                (now.State, now.Assignee, now.ScheduledStart, now.ScheduledEnd));
        }
        Assert.Equal((leaving.Email, moved.DueAt.AddHours(-8)), (after[moved.Id].Assignee, after[moved.Id].ScheduledStart));
        Assert.EndsWith($"work orders: {made.Count - 1} updated, 0 cancelled", Assert.Single(await app.AuditAsync(AuditActions.MaintenancePlanEdited),
            a => a.Target == $"plan {plan.Id()}").Details);

        // No technician any more: the plan's bookings go back to the open list, for a dispatcher to give out.
        await Expect.StatusAsync(await EditAsync(admin, plan.Id(), Body(null, 90)), HttpStatusCode.OK);

        Assert.All(book.OfPlan(plan.Id()).Where(o => o.Id != moved.Id),
            o => Assert.Equal((WorkOrderState.Open, (string?)null, (DateTimeOffset?)null), (o.State, o.Assignee, o.ScheduledStart)));
        Assert.Equal(WorkOrderState.Scheduled, book.OfPlan(plan.Id()).Single(o => o.Id == moved.Id).State);
    }

    [Fact]
    public async Task An_edit_is_refused_as_ending_is_and_its_body_as_a_new_plan_s_is()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var otherStore = await app.CreateStoreAsync(Ids.New("S"));
        using var admin = app.CreateAdminClient();
        var plan = await CreatePlanAsync(admin, Weekly(store, now: app.Now()));
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        var stranger = await app.CreateUserAsync(Roles.RegionalManager, regions: ["Nowhere"]);
        using var managerClient = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);
        using var strangerClient = app.CreateTokenClient((await app.CreateApiTokenAsync(stranger)).Token);
        var body = Weekly(store, "Renamed", now: app.Now());

        await Expect.StatusAsync(await EditAsync(admin, 999_999_999, body), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await EditAsync(managerClient, plan.Id(), body), HttpStatusCode.Forbidden); // sees it, may not change it
        await Expect.StatusAsync(await EditAsync(strangerClient, plan.Id(), body), HttpStatusCode.NotFound); // not among theirs
        using (var moved = await EditAsync(admin, plan.Id(), Weekly(otherStore, now: app.Now())))
        {
            var problem = await Expect.ProblemAsync(moved, HttpStatusCode.BadRequest);
            Assert.Equal(("storeCode", "'storeCode' cannot change: what a plan covers is fixed once it is made; make a new plan instead."),
                (Expect.Wire(problem["field"]), Expect.Wire(problem["detail"])));
        }
        using (var model = await EditAsync(admin, plan.Id(), new { name = "x", model = "A920", checklist = "power_ups", every = new { count = 1, unit = "week" },
            startsOn = LocalDate(app.Now(), 1) }))
        {
            Assert.Equal("model", Expect.Wire((await Expect.ProblemAsync(model, HttpStatusCode.BadRequest))["field"]));
        }
        using (var never = await EditAsync(admin, plan.Id(), new { name = "x", checklist = "power_ups", every = new { count = 0, unit = "week" },
            startsOn = LocalDate(app.Now(), 1) }))
        {
            var problem = await Expect.ProblemAsync(never, HttpStatusCode.BadRequest);
            Assert.Equal(("every.count", "'every.count' must be a whole number from 1 to 366."), (Expect.Wire(problem["field"]), Expect.Wire(problem["detail"])));
        }
        Assert.Equal("Weekly UPS test", app.GetService<MaintenanceBook>().Plan(plan.Id())!.Name); // nothing refused was kept

        await Expect.StatusAsync(await admin.PostAsync($"/api/v1/maintenance/plans/{plan.Id()}/end", null), HttpStatusCode.OK);
        await Expect.StatusAsync(await EditAsync(admin, plan.Id(), body), HttpStatusCode.Conflict);
    }
}
