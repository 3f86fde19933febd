using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The maintenance calendar (issue 14 item 4), what it shows: bookings on their local day, overlaps and overdue work marked,
/// today moving on past midnight, an empty period said in words, a store manager's visits, a plan's visits ahead, work
/// waiting to be booked, and Chinese. The clock and the people are <see cref="MaintenanceCalendarTest"/>'s.
/// </summary>
public sealed class MaintenanceCalendarTests : MaintenanceCalendarTest
{
    [Fact]
    public void A_booking_shows_on_its_local_day_and_two_overlapping_bookings_of_one_technician_are_both_marked()
    {
        var first = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3)), Technician, TimeSpan.FromHours(26)); // Thu 10:00
        var second = BookWork(AddWorkOrder("S-2", "Cable check", TimeSpan.FromDays(3)), Technician, TimeSpan.FromHours(26.5));
        var apart = BookWork(AddWorkOrder("S-1", "Printer cleaning", TimeSpan.FromDays(3)), Other, TimeSpan.FromHours(26));

        var cut = Render<MaintenanceCalendar>();

        var thursday = Day(cut, "2026-11-26");
        Assert.Contains("10:00–11:00", thursday.TextContent);
        // The time is a line of its own: inline it ran into the title ("10:00–11:00UPS test").
        Assert.Equal("10:00–11:00", thursday.QuerySelector($"[data-testid=calendar-order-{first.Id}] [data-testid=calendar-slot]")!.TextContent);
        Assert.Equal("yes", thursday.QuerySelector($"[data-testid=calendar-order-{first.Id}]")!.GetAttribute("data-conflict"));
        Assert.Equal("yes", thursday.QuerySelector($"[data-testid=calendar-order-{second.Id}]")!.GetAttribute("data-conflict"));
        Assert.Equal("no", thursday.QuerySelector($"[data-testid=calendar-order-{apart.Id}]")!.GetAttribute("data-conflict"));
        Assert.Equal("23 Nov 2026 – 29 Nov 2026", cut.Find("[data-testid=calendar-title]").TextContent);
    }

    /// <summary>
    /// A visit booked for this morning and still not done by its due time read exactly like the visits still ahead: the
    /// dispatcher planning the week could not see that it was missed, though the work-order list shows it red.
    /// </summary>
    [Fact]
    public void A_booking_past_its_due_time_and_still_open_is_marked_overdue_as_is_unbooked_work_past_due()
    {
        var missed = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromHours(2)), Technician, TimeSpan.Zero); // Wed 08:00–09:00, due 10:00
        var ahead = BookWork(AddWorkOrder("S-2", "Cable check", TimeSpan.FromDays(3)), Technician, TimeSpan.FromHours(26));
        var unbooked = AddWorkOrder("S-1", "Battery replacement", TimeSpan.FromHours(1));
        Clock.Advance(TimeSpan.FromHours(5)); // Wednesday 13:00 in the stores

        var cut = Render<MaintenanceCalendar>();

        var booking = Day(cut, "2026-11-25").QuerySelector($"[data-testid=calendar-order-{missed.Id}]")!;
        Assert.Equal("yes", booking.GetAttribute("data-overdue"));
        Assert.Contains("fo-cal-entry overdue", booking.ClassName);
        Assert.Equal("overdue by 3 h", booking.QuerySelector("[data-testid=overdue]")!.TextContent.Trim());
        var later = cut.Find($"[data-testid=calendar-order-{ahead.Id}]");
        Assert.Equal("no", later.GetAttribute("data-overdue"));
        Assert.Empty(later.QuerySelectorAll("[data-testid=overdue]"));
        Assert.Equal("overdue by 4 h",
            cut.Find($"[data-testid=calendar-unbooked] [data-testid=calendar-order-{unbooked.Id}] [data-testid=overdue]").TextContent.Trim());

        UseLanguage(Languages.Chinese);
        var chinese = Render<MaintenanceCalendar>();
        Assert.Equal("已逾期 3 小时", chinese.Find($"[data-testid=calendar-order-{missed.Id}] [data-testid=overdue]").TextContent.Trim());
    }

    /// <summary>
    /// A calendar left open overnight kept yesterday as "today": its mark stayed on the old day, the day view still showed
    /// it, and "Today" led back to it.
    /// </summary>
    [Fact]
    public void Past_midnight_the_open_calendar_moves_today_on()
    {
        var cut = RenderAt<MaintenanceCalendar>("maintenance/calendar?view=day");
        Assert.Equal("25 Nov 2026", cut.Find("[data-testid=calendar-title]").TextContent);

        Clock.Advance(TimeSpan.FromDays(1)); // Thursday 08:00 in the stores; the calendar re-reads every minute
        cut.WaitForAssertion(() => Assert.Equal("26 Nov 2026", cut.Find("[data-testid=calendar-title]").TextContent));

        // The clock's minute tick may still be re-rendering the day view when the click lands: wait for the week (a CI run
        // found no day box yet).
        cut.Find("[data-testid=calendar-view-week]").Click();
        cut.WaitForAssertion(() => Assert.Contains("today", Day(cut, "2026-11-26").ClassName));
        Assert.DoesNotContain("today", Day(cut, "2026-11-25").ClassName);
        cut.Find("[data-testid=calendar-next]").Click();
        cut.WaitForAssertion(() => Assert.Equal("30 Nov 2026 – 6 Dec 2026", cut.Find("[data-testid=calendar-title]").TextContent));
        cut.Find("[data-testid=calendar-today]").Click();
        cut.WaitForAssertion(() => Assert.Equal("23 Nov 2026 – 29 Nov 2026", cut.Find("[data-testid=calendar-title]").TextContent));
        Assert.DoesNotContain("date=", Address);
    }

    [Fact]
    public void A_period_with_nothing_booked_says_so_and_a_booking_in_it_takes_the_words_away()
    {
        SignIn(Technician);
        var cut = Render<MaintenanceCalendar>();

        // Seven empty day boxes read like a calendar still loading.
        Assert.Equal("No visits are booked for you in this period.", cut.Find("[data-testid=calendar-empty]").TextContent.Trim());

        BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3)), Technician, TimeSpan.FromHours(26));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=calendar-empty]")));
        UseLanguage(Languages.Chinese);
        var nextWeek = Render<MaintenanceCalendar>();
        nextWeek.Find("[data-testid=calendar-next]").Click();
        nextWeek.WaitForAssertion(() => Assert.Equal("这段时间内没有给您安排的上门工作。", nextWeek.Find("[data-testid=calendar-empty]").TextContent.Trim()));
    }

    [Fact]
    public void A_store_manager_sees_the_visits_planned_for_their_store_only()
    {
        var here = BookWork(AddWorkOrder("S-2", "Cable check", TimeSpan.FromDays(3)), Technician, TimeSpan.FromHours(26));
        var elsewhere = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3)), Technician, TimeSpan.FromHours(28));
        SignInAsStoreManager("S-2");

        var cut = Render<MaintenanceCalendar>();

        Assert.NotNull(cut.Find($"[data-testid=calendar-order-{here.Id}]"));
        Assert.Empty(cut.FindAll($"[data-testid=calendar-order-{elsewhere.Id}]"));
        Assert.Empty(cut.FindAll("[data-testid^=move-]"));
    }

    [Fact]
    public void A_plans_visits_beyond_the_generated_ones_show_ahead()
    {
        var plans = Services.GetRequiredService<FleetOps.Web.Maintenance.PlanService>();
        var draft = new FleetOps.Web.Maintenance.PlanDraft("Quarterly UPS test", "S-1", null, null, DefaultChecklists.PowerUps, 1, RecurrenceUnit.Week,
            RecurrenceBasis.Schedule, new DateOnly(2026, 11, 2), WorkOrderKind.Power, WorkOrderPriority.Normal);
        var plan = Wait(() => plans.CreateAsync(draft, FleetOps.Web.Maintenance.MaintenanceActor.Bootstrap, null)).Value!;

        var cut = RenderAt<MaintenanceCalendar>("maintenance/calendar?date=2027-02-08"); // beyond 30 days: nothing generated yet

        Assert.NotNull(Day(cut, "2027-02-08").QuerySelector($"[data-testid=calendar-planned-{plan.Id}-S-1]"));
    }

    [Fact]
    public void The_calendar_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);
        AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3));

        var cut = Render<MaintenanceCalendar>();

        Assert.Contains("维护日历", cut.Markup);
        Assert.Contains("待预约", cut.Find("[data-testid=calendar-unbooked]").TextContent);
        Assert.Contains("周四", Day(cut, "2026-11-26").TextContent);
    }

    [Fact]
    public void With_a_technician_chosen_only_work_at_their_stores_waits_to_be_booked()
    {
        var atS1 = AddWorkOrder("S-1", "Battery replacement", TimeSpan.FromDays(5));
        var atS2 = AddWorkOrder("S-2", "Cable check", TimeSpan.FromDays(5));

        var otto = RenderAt<MaintenanceCalendar>("maintenance/calendar?technician=other@fleetops.test"); // looks after S-1 only
        Assert.NotEmpty(otto.FindAll($"[data-testid=calendar-unbooked] [data-testid=calendar-order-{atS1.Id}]"));
        Assert.Empty(otto.FindAll($"[data-testid=calendar-unbooked] [data-testid=calendar-order-{atS2.Id}]"));

        var anyone = RenderAt<MaintenanceCalendar>("maintenance/calendar");
        Assert.NotEmpty(anyone.FindAll($"[data-testid=calendar-unbooked] [data-testid=calendar-order-{atS2.Id}]"));
    }
}
