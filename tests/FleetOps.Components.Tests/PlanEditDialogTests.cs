using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;

namespace FleetOps.Components.Tests;

/// <summary>
/// Editing a plan on the plans page: the plan's own form opens filled in with what it covers fixed, says what saving does
/// to the work orders the plan made, asks before cancelling any, and speaks Chinese. A weekly plan of S-1 from 25 Nov has
/// made its visits of 25 Nov and 2, 9, 16 and 23 Dec.
/// </summary>
public sealed class PlanEditDialogTests : PlansPageTest
{
    private static readonly TimeZoneInfo ShanghaiZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private IRenderedComponent<PlansPage> OpenEdit(MaintenancePlan plan)
    {
        SignInAsRegionalManager("East");
        var cut = Render<PlansPage>();
        cut.Find($"[data-testid=plan-{plan.Id}] [data-testid=plan-edit]").Click();
        Dialogs.WaitForElement("input[data-testid=plan-name-input]");
        return cut;
    }

    private string Effect() => Dialogs.Find("[data-testid=plan-edit-effect]").TextContent;

    [Fact]
    public void The_form_opens_filled_in_with_the_subject_fixed_and_a_saved_name_and_due_time_show_on_the_page_and_its_work_orders()
    {
        var plan = AddPlan("Weekly check", "S-1", unit: RecurrenceUnit.Week);
        var cut = OpenEdit(plan);

        Assert.Equal("Weekly check", Dialogs.Find("input[data-testid=plan-name-input]").GetAttribute("value"));
        Assert.Equal("1", Dialogs.Find("input[data-testid=plan-count]").GetAttribute("value"));
        Assert.Equal("17:00", Dialogs.Find("input[data-testid=plan-due-time]").GetAttribute("value"));
        // A phone gives the time the whole row: beside the date its "PM" was cut off and 17:00 read "05:00".
        Assert.Contains("mud-grid-item-xs-12", Dialogs.Find("input[data-testid=plan-due-time]").Closest(".mud-grid-item")!.ClassName);
        var subject = Dialogs.Find("input[data-testid=plan-subject-fixed]");
        Assert.Contains("S-1", subject.GetAttribute("value"));
        Assert.True(subject.HasAttribute("readonly"));
        Assert.Contains("for other stores or terminals, make a new plan", subject.Closest(".mud-input-control")!.TextContent);
        Assert.Empty(Dialogs.FindAll("[data-testid=plan-store-input]"));

        Dialogs.Find("input[data-testid=plan-name-input]").Change("Weekly UPS check");
        Dialogs.Find("input[data-testid=plan-due-time]").Change("09:30");
        Dialogs.WaitForAssertion(() => Assert.Contains("5 generated work orders nobody has taken up yet will follow the change.", Effect()));
        Dialogs.Find("[data-testid=plan-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Weekly UPS check"], Names(cut)));
        Assert.Empty(Dialogs.FindAll("[data-testid=plan-save]")); // closed without asking: nothing was to be cancelled
        Assert.All(Maintenance.OfPlan(plan.Id), o => Assert.Equal(("Weekly UPS check", 9, 30),
            (o.Title, TimeZoneInfo.ConvertTime(o.DueAt, ShanghaiZone).Hour, TimeZoneInfo.ConvertTime(o.DueAt, ShanghaiZone).Minute)));
    }

    [Fact]
    public void Every_two_weeks_names_the_visits_it_would_cancel_and_asks_first()
    {
        var plan = AddPlan("Weekly check", "S-1", unit: RecurrenceUnit.Week);
        var cut = OpenEdit(plan);

        Dialogs.Find("input[data-testid=plan-count]").Change("2");
        Dialogs.WaitForAssertion(() => Assert.Contains("2 generated work orders are no longer on the schedule and will be cancelled.", Effect()));
        Dialogs.Find("[data-testid=plan-save]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Cancel 2 work orders of this plan?", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep editing").Click();
        Dialogs.WaitForAssertion(() => Assert.DoesNotContain("Cancel 2 work orders of this plan?", Dialogs.Markup));
        Assert.Equal(1, Maintenance.Plan(plan.Id)!.Every.Count); // nothing saved yet, the form still open
        Dialogs.Find("[data-testid=plan-save]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Cancel 2 work orders of this plan?", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save and cancel them").Click();

        cut.WaitForAssertion(() => Assert.Contains("every 2 weeks, from the schedule", cut.Find($"[data-testid=plan-{plan.Id}]").TextContent));
        Assert.Equal(["2026-12-02", "2026-12-16"], Maintenance.OfPlan(plan.Id).Where(o => o.State == WorkOrderState.Cancelled)
            .Select(o => TimeZoneInfo.ConvertTime(o.DueAt, ShanghaiZone).ToString("yyyy-MM-dd")).Order());
        Assert.Equal("25 Nov 2026, 9 Dec 2026, 23 Dec 2026", cut.Find($"[data-testid=plan-{plan.Id}] [data-testid=plan-next]").TextContent.Trim());
    }

    [Fact]
    public void Editing_speaks_Chinese_down_to_the_reason_a_cancelled_visit_gives()
    {
        UseLanguage(Languages.Chinese);
        var plan = AddPlan("Weekly check", "S-1", unit: RecurrenceUnit.Week);
        var cut = OpenEdit(plan);

        Assert.Contains("编辑计划", Dialogs.Markup);
        Assert.Contains("计划覆盖的对象创建后不能更改", Dialogs.Markup);
        Dialogs.Find("input[data-testid=plan-count]").Change("2");
        Dialogs.WaitForAssertion(() => Assert.Contains("2 个已生成工单不再在日程中，将被取消。", Effect()));
        Dialogs.Find("[data-testid=plan-save]").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("取消此计划的 2 个工单？", Dialogs.Markup));
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "保存并取消这些工单").Click();

        cut.WaitForAssertion(() => Assert.Contains("每 2 周，按计划日期起算", cut.Find($"[data-testid=plan-{plan.Id}]").TextContent));
        var cancelled = Maintenance.OfPlan(plan.Id).First(o => o.State == WorkOrderState.Cancelled);
        var page = Render<WorkOrderPage>(p => p.Add(c => c.Id, cancelled.Id));
        Assert.EndsWith("计划已更改：此次维护已不在新的日程中。", page.Find("[data-testid=work-order-reason]").TextContent.Trim());
    }
}
