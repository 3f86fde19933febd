using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Access;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Components.RoleHomes;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// "My work today" on the technician's home (issue 14): their own work booked for today on the store's calendar and their
/// overdue work, in the order of the day, each linking to its work order; not other days' work nor other people's, nor work
/// at a store they no longer look after.
/// Today is 2026-11-26, from 08:30 in the stores (Asia/Shanghai).
/// </summary>
public sealed class MyWorkTodayTests : FleetComponentTest
{
    [Fact]
    public void The_technician_sees_today_s_and_overdue_work_in_order_of_the_day()
    {
        AddStore("S-1");
        var technician = CreateUser(Roles.Technician, stores: ["S-1"]);
        var colleague = CreateUser(Roles.Technician, stores: ["S-1"]);
        var late = AddWorkOrder("S-1", "Overdue battery", TimeSpan.FromDays(1));
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(30));
        var afternoon = BookWork(AddWorkOrder("S-1", "Afternoon UPS test", TimeSpan.FromDays(2)), technician, TimeSpan.FromHours(6));
        var morning = BookWork(AddWorkOrder("S-1", "Morning cleaning", TimeSpan.FromDays(2)), technician, TimeSpan.FromHours(1));
        BookWork(AddWorkOrder("S-1", "Next week", TimeSpan.FromDays(9)), technician, TimeSpan.FromDays(7));
        BookWork(AddWorkOrder("S-1", "Colleague's visit", TimeSpan.FromDays(2)), colleague, TimeSpan.FromHours(2));
        late = Wait(() => Services.GetRequiredService<FleetOps.Web.Maintenance.MaintenanceService>()
            .ScheduleAsync(late.Id, technician.Email, late.DueAt - TimeSpan.FromHours(2), late.DueAt - TimeSpan.FromHours(1), FleetOps.Web.Maintenance.MaintenanceActor.Bootstrap, null)).Value!;

        SignIn(technician);
        var cut = Render<TechnicianHome>(p => p.Add(c => c.Scope, AccessScope.Of([], ["S-1"])));

        var cards = cut.FindAll("[data-testid=my-work] > a");
        Assert.Equal([$"my-work-{late.Id}", $"my-work-{morning.Id}", $"my-work-{afternoon.Id}"], cards.Select(c => c.GetAttribute("data-testid")));
        Assert.Equal(WorkOrdersPage.PathOf(morning.Id), cards[1].GetAttribute("href"));
        Assert.NotNull(cards[0].QuerySelector("[data-testid=overdue]"));
        Assert.StartsWith("Due", cards[1].QuerySelector("[data-testid=my-work-due]")!.TextContent.Trim()); // not a bare second time
        Assert.DoesNotContain("Next week", cut.Markup);
        Assert.DoesNotContain("Colleague", cut.Markup);
    }

    /// <summary>
    /// A free day said only "Nothing booked for you today.": the technician had to open the calendar to learn when and
    /// where they are expected next. The next visit booked to them follows, linked; a colleague's earlier one does not.
    /// </summary>
    [Fact]
    public void A_day_with_nothing_booked_names_the_technician_s_next_visit()
    {
        AddStore("S-1");
        var technician = CreateUser(Roles.Technician, stores: ["S-1"]);
        var colleague = CreateUser(Roles.Technician, stores: ["S-1"]);
        var later = BookWork(AddWorkOrder("S-1", "Printer cleaning", TimeSpan.FromDays(9)), technician, TimeSpan.FromDays(8));
        var next = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(9)), technician, TimeSpan.FromDays(7));
        BookWork(AddWorkOrder("S-1", "Colleague's visit", TimeSpan.FromDays(2)), colleague, TimeSpan.FromDays(1));
        SignIn(technician);

        var cut = Render<TechnicianHome>(p => p.Add(c => c.Scope, AccessScope.Of([], ["S-1"])));

        var line = cut.Find("[data-testid=my-work-none] [data-testid=my-work-next]");
        Assert.Equal("Next visit: UPS test · 2 Dec 2026 08:00–09:00 +08:00", System.Text.RegularExpressions.Regex.Replace(line.TextContent, @"\s+", " ").Trim());
        Assert.Equal(WorkOrdersPage.PathOf(next.Id), line.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("Colleague", cut.Markup);
        Assert.DoesNotContain(later.Title, cut.Markup);

        UseLanguage(Languages.Chinese);
        var chinese = Render<TechnicianHome>(p => p.Add(c => c.Scope, AccessScope.Of([], ["S-1"])));
        Assert.StartsWith("下一次上门：UPS test", chinese.Find("[data-testid=my-work-next]").TextContent.Trim()); // no space after the full-width colon
    }

    [Fact]
    public void Work_still_booked_to_the_technician_at_a_store_taken_off_them_is_not_theirs_today()
    {
        AddStore("S-1");
        AddStore("S-2");
        var technician = CreateUser(Roles.Technician, stores: ["S-1", "S-2"]);
        BookWork(AddWorkOrder("S-1", "Visit at the store they left", TimeSpan.FromDays(1)), technician, TimeSpan.FromHours(1));
        var kept = BookWork(AddWorkOrder("S-2", "Visit at the store they keep", TimeSpan.FromDays(1)), technician, TimeSpan.FromHours(2));
        technician = Wait(() => Users.UpdateAsync(technician, Roles.Technician, stores: ["S-2"]));

        SignIn(technician);
        var cut = Render<TechnicianHome>(p => p.Add(c => c.Scope, AccessScope.Of([], ["S-2"])));

        Assert.Equal([$"my-work-{kept.Id}"], cut.FindAll("[data-testid=my-work] > a").Select(c => c.GetAttribute("data-testid")));
        Assert.DoesNotContain("the store they left", cut.Markup);
    }

    [Fact]
    public void My_work_today_speaks_Chinese()
    {
        AddStore("S-1");
        var technician = CreateUser(Roles.Technician, stores: ["S-1"]);
        BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(1)), technician, TimeSpan.FromHours(2));
        UseLanguage(Languages.Chinese);

        SignIn(technician);
        var cut = Render<TechnicianHome>(p => p.Add(c => c.Scope, AccessScope.Of([], ["S-1"])));

        Assert.Contains("我今天的工作", cut.Markup);
        Assert.Contains("预约于", cut.Find("[data-testid=my-work]").TextContent);
        Assert.StartsWith("截止", cut.Find("[data-testid=my-work-due]").TextContent.Trim());
        Assert.Contains("已预约", cut.Find("[data-testid=work-order-state]").TextContent);
    }
}
