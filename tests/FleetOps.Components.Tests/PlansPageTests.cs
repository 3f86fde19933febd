using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// The plans page (issue 14): a plan made in its dialog shows on every open plans page with its next visits, a refusal shows
/// at the field, store managers read their stores' plans only, a dispatcher ends a plan, the work orders page filters to a
/// plan, and the page speaks Chinese. S-1 (East): T-1. S-2 (North): T-3. The clock starts 2026-11-25 08:00 in Shanghai.
/// </summary>
public sealed class PlansPageTests : PlansPageTest
{
    /// <summary>Opens the dialog and fills in a monthly plan for store S-1 (a store is chosen by typing, once typing pauses).</summary>
    private void FillIn(IRenderedComponent<PlansPage> cut, string name)
    {
        cut.Find("[data-testid=new-plan]").Click();
        Dialogs.WaitForElement("input[data-testid=plan-name-input]").Change(name);
        var store = Dialogs.Find("input[data-testid=plan-store-input]");
        store.Focus();
        store.Input("S-1");
        AdvanceUntil(Popovers, () => Assert.Single(Popovers.FindAll(".mud-list-item")), TimeSpan.FromMilliseconds(500));
        Popovers.Find(".mud-list-item").Click();
    }

    [Fact]
    public void A_plan_made_in_the_dialog_shows_live_on_every_open_plans_page_with_its_next_visits_and_open_work()
    {
        var elsewhere = Render<PlansPage>(); // someone else's open page
        var cut = Render<PlansPage>();
        Assert.NotNull(cut.Find("[data-testid=plans-none]"));

        FillIn(cut, "Monthly UPS test");
        Dialogs.Find("[data-testid=plan-create]").Click();

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=plan-create]")));
        var plan = Assert.Single(Maintenance.Plans);
        foreach (var page in new[] { cut, elsewhere })
        {
            page.WaitForAssertion(() => Assert.Equal(["Monthly UPS test"], Names(page)));
            var row = page.Find($"[data-testid=plan-{plan.Id}]");
            Assert.Contains("every month, from the schedule", row.TextContent);
            Assert.Contains("Terminal inspection (version 1)", row.TextContent); // the dialog's default checklist
            Assert.Equal("25 Nov 2026, 25 Dec 2026, 25 Jan 2027", row.QuerySelector("[data-testid=plan-next]")!.TextContent.Trim());
            // Generated 30 days ahead: today's visit and the one a month later.
            var open = row.QuerySelector("[data-testid=plan-open]")!;
            Assert.Equal("2 open work orders", open.TextContent.Trim());
            Assert.EndsWith($"maintenance?plan={plan.Id}", open.GetAttribute("href"));
        }
    }

    [Fact]
    public void A_visit_closed_before_its_date_is_no_longer_the_plans_next_one()
    {
        var plan = AddPlan("Monthly UPS test", "S-1");
        var december = Maintenance.OfPlan(plan.Id).Single(o => o.Occurrence == "2026-12-25");
        var cut = Render<PlansPage>();
        Assert.Equal("25 Nov 2026, 25 Dec 2026, 25 Jan 2027", cut.Find("[data-testid=plan-next]").TextContent.Trim());

        Wait(() => Services.GetRequiredService<MaintenanceService>().CancelAsync(december.Id, "done with the November visit", MaintenanceActor.Bootstrap, null));

        cut.WaitForAssertion(() => Assert.Equal("25 Nov 2026, 25 Jan 2027, 25 Feb 2027", cut.Find("[data-testid=plan-next]").TextContent.Trim()));
    }

    [Fact]
    public void A_refused_plan_keeps_the_dialog_open_with_the_reason_at_the_field()
    {
        var cut = Render<PlansPage>();
        FillIn(cut, "Never");

        Dialogs.Find("input[data-testid=plan-count]").Change("0");
        Dialogs.Find("[data-testid=plan-create]").Click();

        Dialogs.WaitForAssertion(() => Assert.Contains("'every.count' must be a whole number from 1 to 366.",
            Dialogs.Find("input[data-testid=plan-count]").Closest(".mud-input-control")!.TextContent));
        Assert.NotEmpty(Dialogs.FindAll("[data-testid=plan-create]"));
        Assert.Empty(Maintenance.Plans);
    }

    [Theory]
    [InlineData("en", "Choose a store.")]
    [InlineData("zh-CN", "请选择门店。")]
    public void A_plan_without_a_store_asks_for_one_at_the_store_field_in_the_readers_language(string language, string expected)
    {
        if (language == "zh-CN") UseLanguage(Languages.Chinese);
        var cut = Render<PlansPage>();
        cut.Find("[data-testid=new-plan]").Click();
        Dialogs.WaitForElement("input[data-testid=plan-name-input]").Change("Monthly UPS test");

        Dialogs.Find("[data-testid=plan-create]").Click();

        Dialogs.WaitForAssertion(() => Assert.Contains(expected,
            Dialogs.Find("input[data-testid=plan-store-input]").Closest(".mud-input-control")!.TextContent));
        Assert.DoesNotContain("There is no store", Dialogs.Markup);
        Assert.Empty(Maintenance.Plans);
    }

    [Fact]
    public void A_plan_without_a_name_is_refused_by_the_fields_label_in_Chinese()
    {
        UseLanguage(Languages.Chinese);
        var cut = Render<PlansPage>();
        FillIn(cut, "");

        Dialogs.Find("[data-testid=plan-create]").Click();

        Dialogs.WaitForAssertion(() => Assert.Contains("请填写“名称”。",
            Dialogs.Find("input[data-testid=plan-name-input]").Closest(".mud-input-control")!.TextContent));
        Assert.DoesNotContain("“name”", Dialogs.Markup);
        Assert.Empty(Maintenance.Plans);
    }

    [Fact]
    public void A_store_manager_reads_only_their_stores_plans_and_cannot_make_or_end_one()
    {
        AddPlan("UPS test at S-1", "S-1");
        AddPlan("UPS test at S-2", "S-2");

        SignInAsStoreManager("S-2");
        var cut = Render<PlansPage>();

        Assert.Equal(["UPS test at S-2"], Names(cut));
        Assert.Empty(cut.FindAll("[data-testid=new-plan]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-end]"));
    }

    [Fact]
    public void A_regional_manager_ends_a_plan_which_then_shows_ended_and_keeps_its_work_orders()
    {
        var plan = AddPlan("Weekly check", "S-1", unit: RecurrenceUnit.Week);
        var made = Maintenance.OfPlan(plan.Id).Count;
        SignInAsRegionalManager("East");
        var cut = Render<PlansPage>();

        cut.Find("[data-testid=plan-end]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("End the plan “Weekly check”?", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "End plan").Click();

        cut.WaitForAssertion(() => Assert.Equal("no", cut.Find($"[data-testid=plan-{plan.Id}]").GetAttribute("data-active")));
        Assert.NotNull(cut.Find("[data-testid=plan-ended]"));
        Assert.False(Maintenance.Plan(plan.Id)!.Active);
        Assert.Equal(made, Maintenance.OfPlan(plan.Id).Count);
        // The work orders it made before the end (the weeks already in the generation window) still stand: said as such, not
        // as if the plan went on.
        Assert.StartsWith("Made before the end: 25 Nov 2026, 2 Dec 2026", cut.Find("[data-testid=plan-next]").TextContent.Trim(), StringComparison.Ordinal);

        foreach (var order in Maintenance.OfPlan(plan.Id).Where(o => o.IsOpen))
        {
            Wait(() => Services.GetRequiredService<MaintenanceService>().CancelAsync(order.Id, null, MaintenanceActor.Bootstrap, null));
        }
        LetLiveRefreshFire();
        cut.WaitForAssertion(() => Assert.Equal("None: the plan has ended", cut.Find("[data-testid=plan-next]").TextContent.Trim()));
    }

    [Fact]
    public void The_store_and_text_filters_live_in_the_address()
    {
        AddPlan("UPS test at S-1", "S-1");
        AddPlan("UPS test at S-2", "S-2");
        AddPlan("Cleaning at S-2", "S-2");

        var cut = RenderAt<PlansPage>("maintenance/plans?store=S-2");
        Assert.Equal(["Cleaning at S-2", "UPS test at S-2"], Names(cut));

        cut.Find("input[data-testid=plan-search]").Change("cleaning");

        cut.WaitForAssertion(() => Assert.Equal(["Cleaning at S-2"], Names(cut)));
        var address = Services.GetRequiredService<NavigationManager>().Uri;
        Assert.Contains("store=S-2", address);
        Assert.Contains("q=cleaning", address);
    }

    /// <summary>
    /// A plan whose visit was missed said only "2 open work orders", its next visits starting after the missed one: nothing
    /// on the page said the plan was behind (the demo's SZX-007, NKG-003).
    /// </summary>
    [Fact]
    public void A_plan_with_a_missed_visit_says_how_many_are_overdue_in_red_and_links_to_them()
    {
        var plan = AddPlan("Monthly UPS test", "S-1");
        var before = Render<PlansPage>();
        Assert.Empty(before.FindAll("[data-testid=plan-overdue]"));
        before.Dispose();

        Clock.Advance(TimeSpan.FromDays(1)); // the visit of 25 Nov not done
        var cut = Render<PlansPage>();

        var overdue = cut.Find($"[data-testid=plan-{plan.Id}] [data-testid=plan-overdue]");
        Assert.Equal("1 overdue", overdue.TextContent.Trim());
        Assert.Contains("mud-error-text", overdue.ClassName);
        Assert.EndsWith($"maintenance?plan={plan.Id}&overdue=true", overdue.GetAttribute("href"));
        Assert.Equal("2 open work orders", cut.Find("[data-testid=plan-open]").TextContent.Trim());
        cut.Dispose();

        UseLanguage(Languages.Chinese);
        Assert.Equal("1 个已逾期", Render<PlansPage>().Find("[data-testid=plan-overdue]").TextContent.Trim());
    }

    [Fact]
    public void The_work_orders_page_filters_to_a_plan_from_its_address()
    {
        var plan = AddPlan("Quarterly cleaning", "S-1", every: 3);
        AddWorkOrder("S-1", "Replace the printer", TimeSpan.FromDays(2));

        var cut = RenderAt<WorkOrdersPage>($"maintenance?plan={plan.Id}");

        Assert.Equal(["Quarterly cleaning"], cut.FindAll("[data-testid=work-order-link]").Select(l => l.TextContent.Trim()).Distinct().ToList());
        Assert.Contains("Quarterly cleaning", cut.Find("[data-testid=work-order-plan-filter]").TextContent);
    }

    [Fact]
    public void The_plans_page_speaks_Chinese()
    {
        AddPlan("UPS", "S-1", every: 3, basis: RecurrenceBasis.Completion);
        UseLanguage(Languages.Chinese);

        var cut = Render<PlansPage>();

        Assert.Contains("维护计划", cut.Markup);
        Assert.Contains("新建计划", cut.Find("[data-testid=new-plan]").TextContent);
        Assert.Contains("每 3 个月，从上次完成起算", cut.Find("[data-testid=plan-recurrence]").TextContent);
        Assert.Contains("1 个未完成工单", cut.Find("[data-testid=plan-open]").TextContent);
        Assert.Contains("电源与 UPS 测试 (第 1 版)", cut.Markup);
    }
}
