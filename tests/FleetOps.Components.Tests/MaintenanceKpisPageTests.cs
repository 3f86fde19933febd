using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The maintenance KPI page (issue 14 item 7) over three pieces of work: S-1 (East) had a planned visit done on time and
/// an alert's work done 3 h after the alert opened but after its due time; S-2 (North) has a planned visit overdue by an
/// hour. Both stores are in Shanghai, so the days are Shanghai's.
/// </summary>
public sealed class MaintenanceKpisPageTests : FleetComponentTest
{
    private readonly UserAccess _ana;
    private readonly UserAccess _bo;
    private readonly WorkOrder _late;

    public MaintenanceKpisPageTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        _ana = CreateUser(Roles.Technician, stores: ["S-1", "S-2"], displayName: "Ana Technician");
        _bo = CreateUser(Roles.Technician, stores: ["S-1"], displayName: "Bo Technician");
        var alertId = ResolvedAlert("S-1", openedAt: Now - TimeSpan.FromHours(27));
        Maintenance.Put(
            Work(1, "S-1", dueAt: Now - TimeSpan.FromDays(2), _ana, planId: 1) with { State = WorkOrderState.Done, ClosedAt = Now - TimeSpan.FromDays(2) - TimeSpan.FromHours(1) },
            Work(2, "S-1", dueAt: Now - TimeSpan.FromHours(25), _bo) with { AlertId = alertId, State = WorkOrderState.Done, ClosedAt = Now - TimeSpan.FromHours(24) },
            _late = Work(3, "S-2", dueAt: Now - TimeSpan.FromHours(1), _ana, planId: 2));
    }

    private WorkOrder Work(long id, string store, DateTimeOffset dueAt, UserAccess assignee, long? planId = null) =>
        new(id, store, null, $"Work {id}", WorkOrderKind.Inspection, WorkOrderPriority.Normal, WorkOrderState.Scheduled, dueAt,
            DefaultChecklists.TerminalInspection, 1, Now - TimeSpan.FromDays(10), "admin") { Assignee = assignee.Email, PlanId = planId };

    /// <summary>An alert resolved long ago: only the database still has it (the page reads it in one go).</summary>
    private long ResolvedAlert(string store, DateTimeOffset openedAt)
    {
        using var db = Database.Factory.CreateDbContext();
        var row = new AlertRow
        {
            Kind = "offline", Severity = "warning", StoreCode = store, State = "resolved", OpenedAtMs = openedAt.ToUnixTimeMilliseconds(),
            LastSeenAtMs = openedAt.ToUnixTimeMilliseconds(), Occurrences = 1, ResolvedAtMs = openedAt.AddHours(1).ToUnixTimeMilliseconds(),
        };
        db.Alerts.Add(row);
        db.SaveChanges();
        return row.Id;
    }

    private static string Card(IRenderedComponent<MaintenanceKpisPage> cut, string id) =>
        cut.Find($"[data-testid={id}] .kpi-value").TextContent.Trim();

    private static List<string> Rows(IRenderedComponent<MaintenanceKpisPage> cut, string table, string column) =>
        cut.FindAll($"[data-testid={table}] tbody tr [data-testid=kpi-row-{column}]").Select(c => c.TextContent.Trim()).ToList();

    /// <summary>
    /// "Overdue now: 1" led only to the chart below it: a planner could not get to the late work from its count. It opens the
    /// work-order list filtered to the overdue, which shows the same work; with a region chosen, that region's.
    /// </summary>
    [Fact]
    public void Overdue_now_opens_the_list_of_the_same_overdue_work()
    {
        var cut = Render<MaintenanceKpisPage>();

        var card = cut.Find("[data-testid=kpi-overdue]");
        Assert.Equal("1", Card(cut, "kpi-overdue"));
        Assert.Equal("maintenance?overdue=true", card.GetAttribute("href"));
        var list = RenderAt<WorkOrdersPage>(card.GetAttribute("href")!);
        Assert.Equal([$"work-order-{_late.Id}"], list.FindAll("[data-testid=work-order-table] tbody tr").Select(r => r.GetAttribute("data-testid")));

        var east = RenderAt<MaintenanceKpisPage>("maintenance/kpis?region=East");
        Assert.Equal("0", Card(east, "kpi-overdue"));
        var eastList = RenderAt<WorkOrdersPage>(east.Find("[data-testid=kpi-overdue]").GetAttribute("href")!);
        Assert.Equal("maintenance?overdue=true&region=East", east.Find("[data-testid=kpi-overdue]").GetAttribute("href"));
        Assert.Empty(eastList.FindAll("[data-testid=work-order-table] tbody tr"));
    }

    /// <summary>
    /// A regional reader of "North: 2 overdue" could not open those two: the list had no region. Each region's overdue count
    /// now opens the list of that region's overdue work, the same two.
    /// </summary>
    [Fact]
    public void Each_regions_overdue_count_opens_the_list_of_the_same_work()
    {
        var alsoLate = Work(4, "S-2", dueAt: Now - TimeSpan.FromHours(3), _bo);
        Maintenance.Put(alsoLate);

        var cut = Render<MaintenanceKpisPage>();

        Assert.Equal(["0", "2"], Rows(cut, "kpi-regions-table", "overdue"));
        var link = Assert.Single(cut.FindAll("[data-testid=kpi-regions-table] [data-testid=kpi-row-overdue-link]"));
        Assert.Equal("maintenance?overdue=true&region=North", link.GetAttribute("href"));
        var list = RenderAt<WorkOrdersPage>(link.GetAttribute("href")!);
        Assert.Equal([$"work-order-{alsoLate.Id}", $"work-order-{_late.Id}"],
            list.FindAll("[data-testid=work-order-table] tbody tr").Select(r => r.GetAttribute("data-testid")));
    }

    /// <summary>
    /// "Ana: 1 overdue" was plain text: the list's assignee filter offered only the technicians of the reader's stores, so a
    /// technician who had since left them, or work booked to nobody, could not be listed. Each technician's count — and the
    /// "not booked to anyone" row's — now opens the list of exactly that work, the filter showing the person by name.
    /// </summary>
    [Fact]
    public void Each_technicians_overdue_count_and_nobodys_open_the_list_of_the_same_work()
    {
        var cy = CreateUser(Roles.Technician, stores: [], displayName: "Cy Technician"); // moved away from both stores since
        var cysLate = Work(4, "S-2", dueAt: Now - TimeSpan.FromHours(5), cy);
        var nobodys = Work(5, "S-1", dueAt: Now - TimeSpan.FromHours(2), _ana) with { Assignee = null, State = WorkOrderState.Open };
        Maintenance.Put(cysLate, nobodys);

        var cut = Render<MaintenanceKpisPage>();

        var links = cut.FindAll("[data-testid=kpi-technicians-table] tbody tr")
            .Where(r => r.QuerySelector("[data-testid=kpi-row-overdue-link]") is not null)
            .ToDictionary(r => r.QuerySelector("[data-testid=kpi-row-name]")!.TextContent.Trim(),
                r => r.QuerySelector("[data-testid=kpi-row-overdue-link]")!.GetAttribute("href")!);
        Assert.Equal(["Ana Technician", "Cy Technician", "Not booked to anyone"], links.Keys.Order());
        Assert.Equal($"maintenance?overdue=true&assignee={Uri.EscapeDataString(_ana.Email)}", links["Ana Technician"]);
        Assert.Equal("maintenance?overdue=true&assignee=none", links["Not booked to anyone"]);
        foreach (var (name, expected) in new[] { ("Ana Technician", _late), ("Cy Technician", cysLate), ("Not booked to anyone", nobodys) })
        {
            var list = RenderAt<WorkOrdersPage>(links[name]);
            Assert.Equal([$"work-order-{expected.Id}"], list.FindAll("[data-testid=work-order-table] tbody tr").Select(r => r.GetAttribute("data-testid")));
            Assert.Equal(name, list.Find("[data-testid=work-order-assignee]").GetAttribute("value"));
        }
    }

    /// <summary>A technician's own overdue count opens their overdue list: it offers no assignee filter, all of it is theirs.</summary>
    [Fact]
    public void A_technicians_own_overdue_count_opens_their_overdue_list()
    {
        SignIn(_ana);

        var cut = Render<MaintenanceKpisPage>();

        var link = Assert.Single(cut.FindAll("[data-testid=kpi-technicians-table] [data-testid=kpi-row-overdue-link]"));
        Assert.Equal("maintenance?overdue=true", link.GetAttribute("href"));
        var list = RenderAt<WorkOrdersPage>(link.GetAttribute("href")!);
        Assert.Equal([$"work-order-{_late.Id}"], list.FindAll("[data-testid=work-order-table] tbody tr").Select(r => r.GetAttribute("data-testid")));
    }

    [Fact]
    public void Cards_and_tables_show_the_figures_of_the_work()
    {
        var cut = Render<MaintenanceKpisPage>();

        // Planned is all work that fell due, the alert's work too (docs/design/maintenance.md): 3 planned, 2 of them done,
        // 1 on time — of the three, not of the two done: the overdue visit counts against the share.
        Assert.Equal(("3", "2", "33%", "1", "3 h", "3 h"),
            (Card(cut, "kpi-planned"), Card(cut, "kpi-done"), Card(cut, "kpi-on-time"), Card(cut, "kpi-overdue"), Card(cut, "kpi-mean"), Card(cut, "kpi-median")));
        Assert.Equal(["East", "North"], Rows(cut, "kpi-regions-table", "name"));
        Assert.Equal(["2", "1"], Rows(cut, "kpi-regions-table", "planned"));
        Assert.Equal(["2", "0"], Rows(cut, "kpi-regions-table", "done"));
        Assert.Equal(["50%", "0%"], Rows(cut, "kpi-regions-table", "on-time"));
        Assert.Equal(["Ana Technician", "Bo Technician"], Rows(cut, "kpi-technicians-table", "name"));
        Assert.Equal(["2", "1"], Rows(cut, "kpi-technicians-table", "planned"));
        Assert.Equal(["1", "1"], Rows(cut, "kpi-technicians-table", "done"));
        Assert.Equal(["1", "0"], Rows(cut, "kpi-technicians-table", "overdue"));
        Assert.Equal(["—", "3 h"], Rows(cut, "kpi-technicians-table", "mean"));
        // 30 Shanghai days, today (08:00 in Shanghai) last: the visit due an hour ago is today's; the days before it count
        // the planned visit of the 23rd, done then, and the alert's work due and done on the 24th.
        var chart = cut.Find("[data-testid=kpi-planned-done]");
        Assert.Equal(30, chart.GetAttribute("data-planned")!.Split(' ').Length);
        Assert.EndsWith("0 1 1 1", chart.GetAttribute("data-planned"));
        Assert.EndsWith("0 1 1 0", chart.GetAttribute("data-done"));
        Assert.EndsWith("0 1", cut.Find("[data-testid=kpi-overdue-chart]").GetAttribute("data-overdue"));
    }

    [Fact]
    public void Work_done_while_the_page_is_open_counts_as_done_without_reload()
    {
        var cut = Render<MaintenanceKpisPage>();
        Assert.Equal("2", Card(cut, "kpi-done"));

        Maintenance.Put(_late with { State = WorkOrderState.Done, ClosedAt = Now });
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal(("3", "0"), (Card(cut, "kpi-done"), Card(cut, "kpi-overdue"))));
        Assert.Equal("33%", Card(cut, "kpi-on-time"));
        // Nothing overdue on any day: the line lies on a floor under a "1", not on a lone "0" at the chart's foot.
        Assert.Equal(["0", "1"], cut.FindAll("[data-testid=kpi-overdue-chart] .mud-charts-yaxis text").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public void A_technician_sees_only_their_own_work()
    {
        SignIn(_bo);

        var cut = Render<MaintenanceKpisPage>();

        // Bo's one piece of work came from an alert: planned as well as done, never "0 planned, 1 done".
        Assert.Equal(("1", "1", "0%", "0", "3 h"), (Card(cut, "kpi-planned"), Card(cut, "kpi-done"), Card(cut, "kpi-on-time"), Card(cut, "kpi-overdue"), Card(cut, "kpi-mean")));
        Assert.Equal(["Bo Technician"], Rows(cut, "kpi-technicians-table", "name"));
        Assert.Equal(["East"], Rows(cut, "kpi-regions-table", "name"));
    }

    [Fact]
    public void With_no_work_in_the_period_the_page_says_so_once_instead_of_drawing_empty_charts_and_tables()
    {
        SignIn(CreateUser(Roles.Technician, stores: ["S-1"], displayName: "Cy Technician")); // nothing booked to Cy

        var cut = Render<MaintenanceKpisPage>();

        Assert.Equal("No maintenance work in this period.", cut.Find("[data-testid=kpi-none]").TextContent.Trim());
        Assert.Single(cut.FindAll("*"), e => e.ChildElementCount == 0 && e.TextContent.Contains("No maintenance work"));
        Assert.Empty(cut.FindAll("[data-testid=kpi-planned-done]"));
        Assert.Empty(cut.FindAll("[data-testid=kpi-overdue-chart]"));
        Assert.Empty(cut.FindAll(".fo-chart"));
        Assert.Empty(cut.FindAll("[data-testid=kpi-regions-table], [data-testid=kpi-technicians-table]"));
        // The cards still lead somewhere: every anchor they link to is on the page.
        Assert.All(["kpi-charts", "kpi-overdue", "kpi-regions", "kpi-technicians"], id => Assert.Single(cut.FindAll($"#{id}")));
    }

    [Fact]
    public void Region_and_period_come_from_the_address_and_ninety_days_are_weeks()
    {
        var cut = RenderAt<MaintenanceKpisPage>("maintenance/kpis?region=North&days=90");

        Assert.Equal(("1", "0", "1"), (Card(cut, "kpi-planned"), Card(cut, "kpi-done"), Card(cut, "kpi-overdue")));
        Assert.Equal(["North"], Rows(cut, "kpi-regions-table", "name"));
        Assert.Contains("Per week", cut.Find("#kpi-charts").TextContent);
        Assert.InRange(cut.Find("[data-testid=kpi-planned-done]").GetAttribute("data-planned")!.Split(' ').Length, 13, 14);

        cut.Find("[data-testid=kpi-period-30]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Per day", cut.Find("#kpi-charts").TextContent));
        var uri = Services.GetRequiredService<NavigationManager>().Uri;
        Assert.Contains("region=North", uri);
        Assert.DoesNotContain("days=", uri);
    }

    [Fact]
    public void A_plan_visit_done_a_day_early_counts_as_planned_and_done_on_time_and_the_page_says_what_counts()
    {
        var tomorrow = Work(4, "S-1", dueAt: Now + TimeSpan.FromDays(1), _bo, planId: 2) with { State = WorkOrderState.Done, ClosedAt = Now - TimeSpan.FromHours(1) };
        Maintenance.Put(tomorrow);
        SignIn(_bo);

        var cut = Render<MaintenanceKpisPage>();

        // Bo's alert work done late the day before, and the visit done early: 2 planned, 2 done, 1 of them on time (the
        // alert's work is planned too: done never exceeds planned).
        Assert.Equal(("2", "2", "50%"), (Card(cut, "kpi-planned"), Card(cut, "kpi-done"), Card(cut, "kpi-on-time")));
        Assert.Equal(["2"], Rows(cut, "kpi-technicians-table", "planned"));
        Assert.Equal(["2"], Rows(cut, "kpi-technicians-table", "done"));
        Assert.EndsWith("1 1", cut.Find("[data-testid=kpi-planned-done]").GetAttribute("data-planned")); // the alert's yesterday; the visit today, when it was done
        Assert.Contains("alert work", cut.Find("[data-testid=kpi-definition]").TextContent);
        Assert.Contains("or done in it early or late", cut.Find("[data-testid=kpi-definition]").TextContent);
        UseLanguage(Languages.Chinese);
        Assert.Contains("告警工作", Render<MaintenanceKpisPage>().Find("[data-testid=kpi-definition]").TextContent);
        Assert.Contains("提前或延后完成", Render<MaintenanceKpisPage>().Find("[data-testid=kpi-definition]").TextContent);
    }

    [Fact]
    public void The_chosen_period_is_the_filled_button()
    {
        var cut = RenderAt<MaintenanceKpisPage>("maintenance/kpis?days=90");

        Assert.Contains("mud-button-filled-primary", cut.Find("[data-testid=kpi-period-90]").ClassList);
        Assert.DoesNotContain("mud-button-filled", cut.Find("[data-testid=kpi-period-30]").ClassName);

        cut.Find("[data-testid=kpi-period-30]").Click();

        cut.WaitForAssertion(() => Assert.Contains("mud-button-filled-primary", cut.Find("[data-testid=kpi-period-30]").ClassList));
        Assert.DoesNotContain("mud-button-filled", cut.Find("[data-testid=kpi-period-90]").ClassName);
    }

    [Fact]
    public void The_days_are_counted_in_a_zone_named_in_words()
    {
        var cut = RenderAt<MaintenanceKpisPage>("maintenance/kpis?days=90");
        Assert.Contains("weeks in China Standard Time.", cut.Find("#kpi-charts").TextContent);

        UseLanguage(Languages.Chinese);
        cut = Render<MaintenanceKpisPage>();
        Assert.Contains("日期按北京时间计算。", cut.Find("#kpi-charts").TextContent);
        Assert.DoesNotContain("Asia/Shanghai", cut.Markup);
    }

    [Fact]
    public void The_KPI_page_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);

        var cut = Render<MaintenanceKpisPage>();

        Assert.Contains("维护指标", cut.Markup);
        Assert.Contains("按时完成率", cut.Find("[data-testid=kpi-on-time]").TextContent);
        Assert.Equal("3 小时", Card(cut, "kpi-mean"));
        Assert.Contains("按技术员", cut.Markup);
        Assert.Contains("今天", cut.Markup);
        // At 1024 px the tables' short Chinese headers ("区域", "已完成") stayed whole words, not a character a line.
        Assert.All(cut.FindAll("[data-testid=kpi-regions-table] th, [data-testid=kpi-technicians-table] th"), th => Assert.Contains("fo-keep-words", th.ClassList));
    }
}
