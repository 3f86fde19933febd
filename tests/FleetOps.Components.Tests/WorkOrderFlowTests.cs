using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;

namespace FleetOps.Components.Tests;

/// <summary>
/// Taking one work order through its states on its page (issue 14): the assigned technician starts it (another finds
/// nothing), puts it on hold with a reason and resumes it; the dispatcher books it, and an end before the start or a start
/// already passed is refused. The work order is <see cref="UpsTestWorkOrderPageTest"/>'s.
/// </summary>
public sealed class WorkOrderFlowTests : UpsTestWorkOrderPageTest
{
    [Fact]
    public void The_assigned_technician_starts_the_work_and_another_technician_finds_nothing()
    {
        var cut = OpenAsTechnician(started: false);
        Assert.NotNull(cut.Find("[data-testid=checklist-later]"));
        Assert.Empty(cut.FindAll("[data-testid=schedule]"));
        Assert.Empty(cut.FindAll("[data-testid=cancel]"));

        cut.Find("[data-testid=start]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=complete]")));
        Assert.Equal(WorkOrderState.InProgress, Maintenance.Get(Order.Id)!.State);
        cut.Dispose();

        SignInAs(Roles.Technician, stores: ["S-1"]);
        var other = Render<WorkOrderPage>(p => p.Add(c => c.Id, Order.Id));
        Assert.NotNull(other.Find("[data-testid=not-found]"));
        Assert.DoesNotContain("UPS test", other.Markup);
    }

    [Fact]
    public void The_technician_puts_the_work_on_hold_with_a_reason_everyone_then_reads()
    {
        var cut = OpenAsTechnician();

        cut.Find("[data-testid=wait]").Click();
        Dialogs.Find("textarea[data-testid=reason]").Input("waiting for a new UPS battery");
        Dialogs.Find("[data-testid=reason-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("waiting: waiting for a new UPS battery", cut.Find("[data-testid=work-order-reason]").TextContent));
        Assert.Equal(WorkOrderState.Waiting, Maintenance.Get(Order.Id)!.State);
        Assert.Empty(cut.FindAll("[data-testid=complete]"));
    }

    /// <summary>
    /// Work put on hold ("waiting for a part") offered "Start" / 开始 to take it up again, as if the visit had never begun,
    /// though the page says it is waiting with its reason. It reads "Resume" / 继续, and work not begun still "Start".
    /// </summary>
    [Theory]
    [InlineData("en", "Start", "Resume")]
    [InlineData("zh-CN", "开始", "继续")]
    public void Work_on_hold_is_taken_up_again_with_resume_not_start(string language, string start, string resume)
    {
        UseLanguage(language == "en" ? Languages.English : Languages.Chinese);
        var cut = OpenAsTechnician(started: false);
        Assert.Equal(start, cut.Find("[data-testid=start]").TextContent.Trim());

        Wait(() => Service.StartAsync(Order.Id, MaintenanceActor.Of(Technician), null));
        Wait(() => Service.WaitAsync(Order.Id, "waiting for a UPS battery", MaintenanceActor.Of(Technician), null));

        LetLiveRefreshFire();
        cut.WaitForAssertion(() => Assert.Equal(resume, cut.Find("[data-testid=start]").TextContent.Trim()));
    }

    [Fact]
    public void The_dispatcher_books_the_work_and_an_end_before_the_start_or_a_start_already_passed_is_refused()
    {
        var cut = Render<WorkOrderPage>(p => p.Add(c => c.Id, Order.Id));
        var booked = Maintenance.Get(Order.Id)!.ScheduledStart;

        // The store's clock reads 25 Nov 08:00: yesterday's slot is over.
        cut.Find("input[data-testid=schedule-start]").Change("2026-11-24T10:00");
        cut.Find("input[data-testid=schedule-end]").Change("2026-11-24T11:00");
        cut.Find("[data-testid=schedule-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("That start has already passed", cut.Find("[data-testid=schedule-refusal]").TextContent));
        Assert.Equal(booked, Maintenance.Get(Order.Id)!.ScheduledStart); // nothing booked

        cut.Find("input[data-testid=schedule-start]").Change("2026-11-27T10:00");
        cut.Find("input[data-testid=schedule-end]").Change("2026-11-27T09:00");
        cut.Find("[data-testid=schedule-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("The end must be after the start.", cut.Find("[data-testid=schedule-refusal]").TextContent));

        cut.Find("input[data-testid=schedule-end]").Change("2026-11-27T11:00");
        cut.Find("[data-testid=schedule-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero), Maintenance.Get(Order.Id)!.ScheduledStart));
        Assert.Empty(cut.FindAll("[data-testid=schedule-refusal]"));
    }
}
