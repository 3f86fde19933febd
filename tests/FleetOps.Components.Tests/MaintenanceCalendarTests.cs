using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The maintenance calendar (issue 14 item 4) on the test clock: 2026-11-25 00:00 UTC is Wednesday 08:00 in the stores'
/// zone (Asia/Shanghai), so the week shown by default runs Monday 23 to Sunday 29 November.
/// </summary>
public sealed class MaintenanceCalendarTests : FleetComponentTest
{
    private readonly UserAccess _technician;
    private readonly UserAccess _other;
    private readonly IRenderedComponent<MudBlazor.MudSnackbarProvider> _snackbars;

    public MaintenanceCalendarTests()
    {
        RenderPopoverProvider();
        _snackbars = Context.Render<MudBlazor.MudSnackbarProvider>();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        _technician = CreateUser(Roles.Technician, stores: ["S-1", "S-2"], email: "tech@fleetops.test", displayName: "Tess Tech");
        _other = CreateUser(Roles.Technician, stores: ["S-1"], email: "other@fleetops.test", displayName: "Otto Other");
    }

    private static AngleSharp.Dom.IElement Day(IRenderedComponent<MaintenanceCalendar> cut, string date) => cut.Find($"[data-testid=calendar-day-{date}]");

    private string Address => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public void A_booking_shows_on_its_local_day_and_two_overlapping_bookings_of_one_technician_are_both_marked()
    {
        var first = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3)), _technician, TimeSpan.FromHours(26)); // Thu 10:00
        var second = BookWork(AddWorkOrder("S-2", "Cable check", TimeSpan.FromDays(3)), _technician, TimeSpan.FromHours(26.5));
        var apart = BookWork(AddWorkOrder("S-1", "Printer cleaning", TimeSpan.FromDays(3)), _other, TimeSpan.FromHours(26));

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
        var missed = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromHours(2)), _technician, TimeSpan.Zero); // Wed 08:00–09:00, due 10:00
        var ahead = BookWork(AddWorkOrder("S-2", "Cable check", TimeSpan.FromDays(3)), _technician, TimeSpan.FromHours(26));
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

        cut.Find("[data-testid=calendar-view-week]").Click();
        Assert.Contains("today", Day(cut, "2026-11-26").ClassName);
        Assert.DoesNotContain("today", Day(cut, "2026-11-25").ClassName);
        cut.Find("[data-testid=calendar-next]").Click();
        cut.Find("[data-testid=calendar-today]").Click();
        Assert.Equal("23 Nov 2026 – 29 Nov 2026", cut.Find("[data-testid=calendar-title]").TextContent);
        Assert.DoesNotContain("date=", Address);
    }

    [Fact]
    public void Dragging_open_work_onto_a_day_books_it_for_the_chosen_technician_and_it_moves_without_reload()
    {
        var order = AddWorkOrder("S-1", "Battery replacement", TimeSpan.FromDays(5));
        var cut = RenderAt<MaintenanceCalendar>("maintenance/calendar?technician=tech@fleetops.test");
        var card = cut.Find($"[data-testid=calendar-unbooked] [data-testid=calendar-order-{order.Id}]");

        card.TriggerEvent("ondragstart", new DragEventArgs());
        Day(cut, "2026-11-27").TriggerEvent("ondrop", new DragEventArgs());

        var booked = Maintenance.Get(order.Id)!;
        Assert.Equal("tech@fleetops.test", booked.Assignee);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(8)), booked.ScheduledStart);
        Assert.Equal(TimeSpan.FromHours(1), booked.ScheduledEnd - booked.ScheduledStart);
        LetLiveRefreshFire();
        cut.WaitForAssertion(() => Assert.NotNull(Day(cut, "2026-11-27").QuerySelector($"[data-testid=calendar-order-{order.Id}]")));
        Assert.Empty(cut.FindAll($"[data-testid=calendar-unbooked] [data-testid=calendar-order-{order.Id}]"));
    }

    [Fact]
    public void Open_work_dropped_with_nobody_chosen_is_not_booked_and_the_dispatcher_is_told_to_choose()
    {
        var order = AddWorkOrder("S-1", "Battery replacement", TimeSpan.FromDays(5));
        var cut = Render<MaintenanceCalendar>();

        cut.Find($"[data-testid=calendar-order-{order.Id}]").TriggerEvent("ondragstart", new DragEventArgs());
        Day(cut, "2026-11-27").TriggerEvent("ondrop", new DragEventArgs());

        Assert.Null(Maintenance.Get(order.Id)!.ScheduledStart);
        _snackbars.WaitForAssertion(() => Assert.Contains("Choose a technician first", _snackbars.Markup));
    }

    [Fact]
    public void On_a_touch_screen_move_then_place_reschedules_a_booking_keeping_its_time_and_length_and_warns_of_an_overlap()
    {
        var moved = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(6)), _technician, TimeSpan.FromHours(26)); // Thu 10:00
        var there = BookWork(AddWorkOrder("S-2", "Cable check", TimeSpan.FromDays(6)), _technician, TimeSpan.FromHours(50)); // Fri 10:00
        var cut = Render<MaintenanceCalendar>();

        cut.Find($"[data-testid=move-{moved.Id}]").Click();
        Assert.Contains("UPS test", cut.Find("[data-testid=calendar-moving]").TextContent);
        Day(cut, "2026-11-27").QuerySelector("[data-testid=place-here]")!.Click();

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8)), Maintenance.Get(moved.Id)!.ScheduledStart);
        Assert.Equal(there.ScheduledEnd, Maintenance.Get(moved.Id)!.ScheduledEnd);
        _snackbars.WaitForAssertion(() => Assert.Contains("\"UPS test\" is booked, but it overlaps: Cable check.", _snackbars.Markup));
        LetLiveRefreshFire();
        cut.WaitForAssertion(() => Assert.Equal("yes", Day(cut, "2026-11-27").QuerySelector($"[data-testid=calendar-order-{there.Id}]")?.GetAttribute("data-conflict")));
    }

    /// <summary>
    /// "Place here" stood on every day and hour, so a dispatcher could book a visit onto a day already over, or this morning
    /// at 09:00 in the afternoon — a booking in the past that nobody would make.
    /// </summary>
    [Fact]
    public void Only_slots_not_yet_begun_are_offered_and_a_drop_on_a_past_day_books_nothing()
    {
        var order = AddWorkOrder("S-1", "Battery replacement", TimeSpan.FromDays(5));
        Clock.Advance(TimeSpan.FromHours(5)); // Wednesday 13:00 in the stores
        var cut = RenderAt<MaintenanceCalendar>("maintenance/calendar?technician=tech@fleetops.test");

        cut.Find($"[data-testid=move-{order.Id}]").Click();
        // Monday, Tuesday and today at 09:00 have begun; Thursday on are offered.
        Assert.Empty(Day(cut, "2026-11-24").QuerySelectorAll("[data-testid=place-here]"));
        Assert.Empty(Day(cut, "2026-11-25").QuerySelectorAll("[data-testid=place-here]"));
        Assert.NotNull(Day(cut, "2026-11-26").QuerySelector("[data-testid=place-here]"));
        Day(cut, "2026-11-24").TriggerEvent("ondrop", new DragEventArgs());
        Assert.Null(Maintenance.Get(order.Id)!.ScheduledStart);
        _snackbars.WaitForAssertion(() => Assert.Contains("That time has already begun", _snackbars.Markup));

        // Today's day view: the afternoon's hours still ahead, not the morning's nor the hour under way.
        var day = RenderAt<MaintenanceCalendar>("maintenance/calendar?view=day&technician=tech@fleetops.test");
        day.Find($"[data-testid=move-{order.Id}]").Click();
        Assert.Empty(day.Find("[data-testid=calendar-hour-9]").QuerySelectorAll("[data-testid=place-here]"));
        Assert.Empty(day.Find("[data-testid=calendar-hour-13]").QuerySelectorAll("[data-testid=place-here]"));
        day.Find("[data-testid=calendar-hour-14] [data-testid=place-here]").Click();
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.FromHours(8)), Maintenance.Get(order.Id)!.ScheduledStart);
    }

    [Fact]
    public void A_period_with_nothing_booked_says_so_and_a_booking_in_it_takes_the_words_away()
    {
        SignIn(_technician);
        var cut = Render<MaintenanceCalendar>();

        // Seven empty day boxes read like a calendar still loading.
        Assert.Equal("No visits are booked for you in this period.", cut.Find("[data-testid=calendar-empty]").TextContent.Trim());

        BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3)), _technician, TimeSpan.FromHours(26));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=calendar-empty]")));
        UseLanguage(Languages.Chinese);
        var nextWeek = Render<MaintenanceCalendar>();
        nextWeek.Find("[data-testid=calendar-next]").Click();
        nextWeek.WaitForAssertion(() => Assert.Equal("这段时间内没有给您安排的上门工作。", nextWeek.Find("[data-testid=calendar-empty]").TextContent.Trim()));
    }

    [Fact]
    public void A_technician_sees_only_their_own_bookings_and_cannot_move_them()
    {
        var mine = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3)), _technician, TimeSpan.FromHours(26));
        var theirs = BookWork(AddWorkOrder("S-1", "Printer cleaning", TimeSpan.FromDays(3)), _other, TimeSpan.FromHours(28));
        SignIn(_technician);

        var cut = Render<MaintenanceCalendar>();

        Assert.NotNull(cut.Find($"[data-testid=calendar-order-{mine.Id}]"));
        Assert.Empty(cut.FindAll($"[data-testid=calendar-order-{theirs.Id}]"));
        Assert.Empty(cut.FindAll("[data-testid=calendar-unbooked]"));
        Assert.Empty(cut.FindAll("[data-testid^=move-]"));
        Assert.Equal("false", cut.Find($"[data-testid=calendar-order-{mine.Id}]").GetAttribute("draggable"));
    }

    [Fact]
    public void A_technician_makes_a_private_calendar_address_that_serves_their_bookings_until_they_stop_it()
    {
        BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3)), _technician, TimeSpan.FromHours(26));
        SignIn(_technician);
        var feeds = Services.GetRequiredService<FleetOps.Web.Maintenance.CalendarFeeds>();
        var dialogs = Context.Render<MudBlazor.MudDialogProvider>();
        var cut = Render<MaintenanceCalendar>();

        cut.Find("[data-testid=calendar-feed-create]").Click();

        var token = FeedToken(cut);
        Assert.Contains("SUMMARY:UPS test", Wait(() => feeds.CalendarAsync(token)));
        cut.Find("[data-testid=calendar-feed-revoke]").Click();
        Answer(dialogs, "Stop publishing");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=calendar-feed-address]")));
        Assert.Null(Wait(() => feeds.CalendarAsync(token)));
    }

    [Fact]
    public void Stopping_or_replacing_the_calendar_address_asks_first_saying_the_phone_stops_updating()
    {
        SignIn(_technician);
        var feeds = Services.GetRequiredService<FleetOps.Web.Maintenance.CalendarFeeds>();
        var dialogs = Context.Render<MudBlazor.MudDialogProvider>();
        var cut = Render<MaintenanceCalendar>();
        cut.Find("[data-testid=calendar-feed-create]").Click(); // the first address replaces nothing: no question
        var token = FeedToken(cut);

        cut.Find("[data-testid=calendar-feed-revoke]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Stop publishing your calendar?", dialogs.Markup));
        Assert.Contains("Your phone's calendar subscription stops updating", dialogs.Markup);
        Answer(dialogs, "Cancel");
        Assert.NotNull(Wait(() => feeds.CalendarAsync(token)));

        cut.Find("[data-testid=calendar-feed-create]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Make a new calendar address?", dialogs.Markup));
        Assert.Contains("your phone's calendar subscription stops updating until you subscribe to the new address", dialogs.Markup);
        Answer(dialogs, "Cancel");
        Assert.NotNull(Wait(() => feeds.CalendarAsync(token)));

        cut.Find("[data-testid=calendar-feed-create]").Click();
        Answer(dialogs, "Make a new address");
        cut.WaitForAssertion(() => Assert.NotEqual(token, FeedToken(cut)));
        Assert.Null(Wait(() => feeds.CalendarAsync(token)));
    }

    [Fact]
    public void In_Chinese_stopping_the_calendar_asks_in_Chinese()
    {
        SignIn(_technician);
        UseLanguage(Languages.Chinese);
        var feeds = Services.GetRequiredService<FleetOps.Web.Maintenance.CalendarFeeds>();
        var dialogs = Context.Render<MudBlazor.MudDialogProvider>();
        var cut = Render<MaintenanceCalendar>();
        cut.Find("[data-testid=calendar-feed-create]").Click();
        var token = FeedToken(cut);

        cut.Find("[data-testid=calendar-feed-revoke]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("停止发布您的日历？", dialogs.Markup));
        Assert.Contains("手机日历中的订阅将停止更新", dialogs.Markup);
        Answer(dialogs, "停止发布");
        Assert.Null(Wait(() => feeds.CalendarAsync(token)));
    }

    /// <summary>The token of the calendar address the panel shows once made.</summary>
    private static string FeedToken(IRenderedComponent<MaintenanceCalendar> cut)
    {
        var address = cut.WaitForElement("[data-testid=calendar-feed-address]").TextContent.Trim();
        Assert.Matches("^http://localhost/calendar/[A-Za-z0-9_-]{40,}\\.ics$", address);
        return address["http://localhost/calendar/".Length..^".ics".Length];
    }

    /// <summary>Clicks the confirmation's button with this text, once the dialog shows it.</summary>
    private static void Answer(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, string button)
    {
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == button));
        dialogs.FindAll("button").First(b => b.TextContent.Trim() == button).Click();
        dialogs.WaitForAssertion(() => Assert.DoesNotContain(dialogs.FindAll("button"), b => b.TextContent.Trim() == button));
    }

    [Fact]
    public void The_calendar_feed_speaks_its_owners_chosen_language_else_the_one_they_last_signed_in_with()
    {
        Register("S-1", "T-1");
        var order = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3), terminalId: "T-1"), _technician, TimeSpan.FromHours(26));
        var feeds = Services.GetRequiredService<FleetOps.Web.Maintenance.CalendarFeeds>();
        Wait(() => Users.SetLanguageAsync(_technician, "en", chosen: false));
        var token = Wait(() => feeds.CreateAsync(_technician.UserId, _technician.Email, null));
        Assert.Contains("DESCRIPTION:Terminal T-1 at S-1", Wait(() => feeds.CalendarAsync(token)));

        Wait(() => Users.SetLanguageAsync(_technician, "zh-CN"));

        var chinese = Wait(() => feeds.CalendarAsync(token))!;
        Assert.Contains("DESCRIPTION:门店 S-1 的终端 T-1", chinese);
        Assert.Contains($"SUMMARY:{order.Title}", chinese); // typed by a person: as written

        // A later sign-in from an English browser does not undo the choice.
        Wait(() => Users.SetLanguageAsync(_technician, "en", chosen: false));
        Assert.Contains("DESCRIPTION:门店 S-1 的终端 T-1", Wait(() => feeds.CalendarAsync(token)));
    }

    [Fact]
    public void A_store_manager_sees_the_visits_planned_for_their_store_only()
    {
        var here = BookWork(AddWorkOrder("S-2", "Cable check", TimeSpan.FromDays(3)), _technician, TimeSpan.FromHours(26));
        var elsewhere = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3)), _technician, TimeSpan.FromHours(28));
        SignInAsStoreManager("S-2");

        var cut = Render<MaintenanceCalendar>();

        Assert.NotNull(cut.Find($"[data-testid=calendar-order-{here.Id}]"));
        Assert.Empty(cut.FindAll($"[data-testid=calendar-order-{elsewhere.Id}]"));
        Assert.Empty(cut.FindAll("[data-testid^=move-]"));
    }

    [Fact]
    public void The_view_and_date_come_from_the_address_and_stepping_writes_them_back()
    {
        var cut = RenderAt<MaintenanceCalendar>("maintenance/calendar?view=month&date=2026-12-10");

        Assert.NotNull(cut.Find("[data-testid=calendar-day-2026-12-31]"));
        Assert.NotNull(cut.Find("[data-testid=calendar-day-2026-11-30]")); // the month starts on a Tuesday: its week is shown whole
        cut.Find("[data-testid=calendar-next]").Click();

        Assert.Contains("date=2027-01-10", Address);
        Assert.Contains("view=month", Address);
        Assert.NotNull(cut.Find("[data-testid=calendar-day-2027-01-31]"));
    }

    [Fact]
    public void The_chosen_view_is_the_filled_pressed_button_and_the_address_holds_it()
    {
        var cut = RenderAt<MaintenanceCalendar>("maintenance/calendar?view=month");

        AssertChosen(cut, "month");

        cut.Find("[data-testid=calendar-view-day]").Click();

        AssertChosen(cut, "day");
        Assert.Contains("view=day", Address);

        cut.Find("[data-testid=calendar-view-week]").Click();

        AssertChosen(cut, "week");
        Assert.DoesNotContain("view=", Address); // the week is the calendar's own view: no need to say it
    }

    /// <summary>Only <paramref name="view"/>'s button is filled in the primary colour and pressed; the others are outlined.</summary>
    private static void AssertChosen(IRenderedComponent<MaintenanceCalendar> cut, string view)
    {
        var buttons = cut.FindAll("[data-testid=calendar-views] button");
        Assert.Equal(Enum.GetValues<CalendarView>().Length, buttons.Count);
        foreach (var button in buttons)
        {
            var chosen = button.GetAttribute("data-testid") == $"calendar-view-{view}";
            Assert.Equal(chosen, button.ClassList.Contains("mud-button-filled-primary"));
            Assert.Equal(chosen ? "true" : "false", button.GetAttribute("aria-pressed"));
        }
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

    [Fact]
    public void Booking_a_follow_up_says_its_title_in_the_readers_language()
    {
        var service = Services.GetRequiredService<MaintenanceService>();
        var parent = AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(1), checklist: DefaultChecklists.PowerUps);
        var actor = MaintenanceActor.Of(_technician);
        BookWork(parent, _technician, TimeSpan.FromHours(1));
        Wait(() => service.StartAsync(parent.Id, actor, null));
        var signature = Wait(() => Services.GetRequiredService<WorkOrderPhotos>().AddAsync(parent.Id, "manager_signature",
            new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]), actor, null)).Value!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotNull(Wait(() => service.CompleteAsync(parent.Id,
        [
            new("adapter_ok", "true"), new("mains_voltage", "231"), new("ups_self_test", "false"), new("ups_runtime", "12"),
            new("surge_protection", "true"), new("manager_signature", signature),
        ], "Wang Li", actor, null)).Value);
        var followUp = Wait(() => service.RaiseFollowUpAsync(parent.Id, "ups_self_test", actor, null)).Value!;
        UseLanguage(Languages.Chinese);
        var cut = RenderAt<MaintenanceCalendar>("maintenance/calendar?technician=tech@fleetops.test");

        cut.Find($"[data-testid=calendar-unbooked] [data-testid=calendar-order-{followUp.Id}]").TriggerEvent("ondragstart", new DragEventArgs());
        Day(cut, "2026-11-27").TriggerEvent("ondrop", new DragEventArgs());

        _snackbars.WaitForAssertion(() => Assert.Contains("后续：UPS 自检通过 — 不合格", _snackbars.Markup));
        Assert.DoesNotContain("Follow-up:", _snackbars.Markup);
    }
}
