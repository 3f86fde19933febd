using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>
/// Maintenance on PostgreSQL: two nodes on one database generate a plan's work orders at the same moment, and each work
/// order exists once (the unique plan + subject + occurrence key), the same in both nodes' books; a follow-up is kept with
/// its link to the parent, and another node raising it again opens the same one; the KPIs' one read of alert openings
/// works on PostgreSQL too.
/// </summary>
public sealed class MaintenancePostgresTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    [PostgresFact]
    public async Task Two_nodes_generating_at_once_make_each_work_order_once()
    {
        var now = DateTimeOffset.UtcNow;
        var (firstClock, secondClock) = (new FakeTimeProvider(now), new FakeTimeProvider(now));
        await using var first = _database.Start(clock: firstClock);
        var store = await first.CreateStoreAsync(Ids.New("S"));
        using var admin = first.CreateAdminClient();
        using var created = await admin.PostAsJsonAsync("/api/v1/maintenance/plans", new
        {
            name = "Daily check", storeCode = store, checklist = "terminal_inspection", every = new { count = 1, unit = "day" },
            basis = "schedule", startsOn = now.AddDays(35).ToString("yyyy-MM-dd"), kind = "inspection", priority = "low",
        });
        await Expect.StatusAsync(created, HttpStatusCode.Created);
        var planId = (await Expect.JsonObjectAsync(created)).Id();
        await using var second = _database.Start(clock: secondClock);
        Assert.NotNull(second.GetService<MaintenanceBook>().Plan(planId)); // loaded at start; nothing is due within 30 days yet
        Assert.Empty(first.GetService<MaintenanceBook>().OfPlan(planId));

        firstClock.AdjustTime(now.AddDays(10)); // both nodes see the plan's first days come into the window at once
        secondClock.AdjustTime(now.AddDays(10));
        await Task.WhenAll(first.GetService<PlanService>().GenerateAsync(), second.GetService<PlanService>().GenerateAsync(),
            first.GetService<PlanService>().GenerateAsync(), second.GetService<PlanService>().GenerateAsync());

        var mine = first.GetService<MaintenanceBook>().OfPlan(planId);
        var theirs = second.GetService<MaintenanceBook>().OfPlan(planId);
        Assert.InRange(mine.Count, 5, 7);
        Assert.Equal(mine.Count, mine.Select(o => o.Occurrence).Distinct().Count());
        Assert.Equal(mine.Select(o => o.Id).Order(), theirs.Select(o => o.Id).Order());
    }

    [PostgresFact]
    public async Task An_ended_plan_stays_ended_for_a_node_started_later_which_generates_nothing_for_it()
    {
        var now = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(now);
        long planId;
        int made;
        await using (var first = _database.Start(clock: new FakeTimeProvider(now)))
        {
            var store = await first.CreateStoreAsync(Ids.New("S"));
            using var admin = first.CreateAdminClient();
            using var created = await admin.PostAsJsonAsync("/api/v1/maintenance/plans", new
            {
                name = "Weekly check", storeCode = store, checklist = "terminal_inspection", every = new { count = 1, unit = "week" },
                basis = "schedule", startsOn = now.ToString("yyyy-MM-dd"), kind = "inspection", priority = "low",
            });
            await Expect.StatusAsync(created, HttpStatusCode.Created);
            planId = (await Expect.JsonObjectAsync(created)).Id();
            made = first.GetService<MaintenanceBook>().OfPlan(planId).Count;
            await Expect.StatusAsync(await admin.PostAsync($"/api/v1/maintenance/plans/{planId}/end", null), HttpStatusCode.OK);
        }
        await using var second = _database.Start(clock: clock);
        clock.AdjustTime(now.AddDays(14)); // two more weeks in the window

        Assert.False(second.GetService<MaintenanceBook>().Plan(planId)!.Active);
        await second.GetService<PlanService>().GenerateAsync();
        Assert.Equal(made, second.GetService<MaintenanceBook>().OfPlan(planId).Count);
    }

    [PostgresFact]
    public async Task A_follow_up_is_kept_with_its_parent_and_another_node_opens_the_same_one()
    {
        await using var first = _database.Start();
        var store = await first.CreateStoreAsync(Ids.New("S"));
        using var admin = first.CreateAdminClient();
        var parent = await admin.DoneInspectionAsync(store, housingIntact: false);
        using var raised = await admin.PostAsJsonAsync($"/api/v1/workorders/{parent}/followups", new { item = "housing_intact" });
        await Expect.StatusAsync(raised, HttpStatusCode.Created);
        var followUp = (await Expect.JsonObjectAsync(raised)).Id();

        await using var second = _database.Start();
        using var secondAdmin = second.CreateAdminClient();
        using var again = await secondAdmin.PostAsJsonAsync($"/api/v1/workorders/{parent}/followups", new { item = "housing_intact" });

        Assert.Equal(followUp, (await Expect.JsonObjectAsync(again)).Id());
        var kept = second.GetService<MaintenanceBook>().Get(followUp)!;
        Assert.Equal((parent, "housing_intact", FleetOps.Core.Maintenance.WorkOrderKind.Repair), (kept.FollowUpOf, kept.FollowUpItem, kept.Kind));
    }

    [PostgresFact]
    public async Task The_KPIs_read_the_openings_of_alerts_resolved_long_ago_in_one_query()
    {
        await using var app = _database.Start();
        var openedAt = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        var ids = new List<long>();
        await using (var db = app.GetService<FleetOps.Web.Persistence.FleetDbContextFactory>().CreateDbContext())
        {
            var rows = Enumerable.Range(0, 2).Select(i => new FleetOps.Web.Persistence.AlertRow
            {
                Kind = "offline", Severity = "warning", StoreCode = "S-KPI", State = "resolved", OpenedAtMs = openedAt.AddHours(i).ToUnixTimeMilliseconds(),
                LastSeenAtMs = openedAt.AddHours(i).ToUnixTimeMilliseconds(), Occurrences = 1, ResolvedAtMs = openedAt.AddHours(i + 1).ToUnixTimeMilliseconds(),
            }).ToList();
            db.Alerts.AddRange(rows);
            await db.SaveChangesAsync();
            ids.AddRange(rows.Select(r => r.Id));
        }

        var openings = await app.GetService<MaintenanceService>().AlertOpeningsAsync([.. ids, ids[0], 999_999]);

        Assert.Equal([openedAt, openedAt.AddHours(1)], ids.Select(id => openings[id]));
        Assert.False(openings.ContainsKey(999_999));
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
