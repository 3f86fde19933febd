using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// The work orders page (issue 14): each role sees the work the services let it see, overdue work is red with how late it
/// is, a new work order appears without a reload, and the page speaks Chinese. S-1 (East): T-1. S-2 (North): T-3.
/// </summary>
public sealed class WorkOrdersPageTests : FleetComponentTest
{
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;

    public WorkOrdersPageTests()
    {
        _popovers = Context.Render<MudPopoverProvider>();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1");
        Register("S-2", "T-3");
    }

    private static List<string> Titles(IRenderedComponent<WorkOrdersPage> cut) =>
        cut.FindAll("[data-testid=work-order-table] tbody tr [data-testid=work-order-link]").Select(l => l.TextContent.Trim()).Distinct().ToList();

    [Fact]
    public void Each_role_sees_only_the_work_the_services_let_it_see()
    {
        var technician = CreateUser(Roles.Technician, stores: ["S-1"]);
        var booked = BookWork(AddWorkOrder("S-1", "Replace the UPS", TimeSpan.FromDays(2)), technician, TimeSpan.FromDays(1));
        AddWorkOrder("S-1", "Clean the printer", TimeSpan.FromDays(3));
        AddWorkOrder("S-2", "Check the cabling", TimeSpan.FromDays(3));

        SignIn(technician);
        var mine = Render<WorkOrdersPage>();
        Assert.Equal(["Replace the UPS"], Titles(mine));
        Assert.Empty(mine.FindAll("[data-testid=new-work-order]"));
        Assert.Contains(booked.Title, mine.Markup);
        mine.Dispose();

        SignInAsStoreManager("S-2");
        var store = Render<WorkOrdersPage>();
        Assert.Equal(["Check the cabling"], Titles(store));
        Assert.Empty(store.FindAll("[data-testid=new-work-order]"));
        store.Dispose();

        SignInAsRegionalManager("East");
        var region = Render<WorkOrdersPage>();
        Assert.Equal(["Replace the UPS", "Clean the printer"], Titles(region));
        Assert.NotEmpty(region.FindAll("[data-testid=new-work-order]"));
    }

    [Fact]
    public void Overdue_work_is_red_with_how_late_it_is_and_the_overdue_filter_keeps_it_in_the_address()
    {
        var late = AddWorkOrder("S-1", "Battery swap", TimeSpan.FromDays(1));
        AddWorkOrder("S-1", "Inspection", TimeSpan.FromDays(5));
        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(2));

        var cut = Render<WorkOrdersPage>();

        var row = cut.Find($"[data-testid=work-order-{late.Id}]");
        Assert.Equal("yes", row.GetAttribute("data-overdue"));
        Assert.Contains("overdue by 2 h", row.QuerySelector("[data-testid=overdue]")!.TextContent);
        Assert.Equal(2, Titles(cut).Count);

        cut.Find("input[data-testid=work-order-overdue]").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(["Battery swap"], Titles(cut)));
        Assert.Contains("overdue=true", Services.GetRequiredService<NavigationManager>().Uri);
    }

    /// <summary>
    /// With all states the list read oldest first, so its first page was work of months ago; the open list keeps the
    /// soonest (the most overdue) on top.
    /// </summary>
    [Fact]
    public void All_states_list_the_latest_work_first_and_the_open_list_the_soonest()
    {
        var cancelled = AddWorkOrder("S-1", "Old battery swap", TimeSpan.FromDays(1));
        Wait(() => Services.GetRequiredService<FleetOps.Web.Maintenance.MaintenanceService>().CancelAsync(cancelled.Id, null, FleetOps.Web.Maintenance.MaintenanceActor.Bootstrap, null));
        AddWorkOrder("S-1", "Inspection", TimeSpan.FromDays(3));
        AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(5));

        var all = RenderAt<WorkOrdersPage>("maintenance?state=all");
        Assert.Equal(["UPS test", "Inspection", "Old battery swap"], Titles(all));
        all.Dispose();

        var open = RenderAt<WorkOrdersPage>("maintenance");
        Assert.Equal(["Inspection", "UPS test"], Titles(open));
    }

    /// <summary>
    /// The KPI page counts overdue work per region and links here, so the list narrows to a region from its address (a
    /// Chinese region name too); a region the person does not have is ignored, as an unknown store is. Choosing a region
    /// writes it into the address and drops a store chosen before in another region.
    /// </summary>
    [Fact]
    public void The_region_filter_shows_only_that_regions_work_and_lives_in_the_address()
    {
        AddStore("S-3", region: "华北");
        AddWorkOrder("S-1", "Battery swap", TimeSpan.FromHours(1));
        AddWorkOrder("S-2", "Cabling check", TimeSpan.FromHours(1));
        AddWorkOrder("S-3", "UPS test", TimeSpan.FromHours(1));
        AddWorkOrder("S-3", "Inspection", TimeSpan.FromDays(3));
        Clock.Advance(TimeSpan.FromHours(2));

        var chinese = RenderAt<WorkOrdersPage>(WorkOrdersPage.OverduePath("华北"));
        Assert.Equal(["UPS test"], Titles(chinese));
        chinese.Dispose();
        var unknown = RenderAt<WorkOrdersPage>("maintenance?region=Atlantis");
        Assert.Equal(4, Titles(unknown).Count);
        unknown.Dispose();

        var cut = RenderAt<WorkOrdersPage>("maintenance?store=S-1");
        Assert.Equal(["Battery swap"], Titles(cut));
        cut.Find("[data-testid=work-order-region]").Closest(".mud-select")!.MouseDown();
        _popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == "North").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Cabling check"], Titles(cut)));
        var uri = Services.GetRequiredService<NavigationManager>().Uri;
        Assert.Contains("region=North", uri);
        Assert.DoesNotContain("store=", uri);
    }

    [Fact]
    public void A_new_work_order_appears_on_the_open_page_without_reload()
    {
        var cut = Render<WorkOrdersPage>();
        Assert.NotNull(cut.Find("[data-testid=work-orders-none]"));

        AddWorkOrder("S-2", "Network check", TimeSpan.FromDays(1), terminalId: "T-3");
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal(["Network check"], Titles(cut)));
        Assert.Contains("T-3", cut.Find("[data-testid=work-order-terminal]").TextContent);
    }

    [Fact]
    public void The_work_orders_page_speaks_Chinese()
    {
        AddWorkOrder("S-1", "Battery swap", TimeSpan.FromHours(1));
        Clock.Advance(TimeSpan.FromHours(3));
        UseLanguage(Languages.Chinese);

        var cut = Render<WorkOrdersPage>();

        var text = cut.Markup;
        Assert.Contains("维护", text);
        Assert.Contains("待处理", cut.Find("[data-testid=work-order-state]").TextContent);
        Assert.Contains("已逾期 2 小时", cut.Find("[data-testid=overdue]").TextContent);
        Assert.Contains("新建工单", cut.Find("[data-testid=new-work-order]").TextContent);
    }
}
