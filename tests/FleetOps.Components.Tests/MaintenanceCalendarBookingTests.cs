using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// Booking on the maintenance calendar (issue 14 item 4): dragging open work onto a day books it for the chosen technician,
/// nobody chosen books nothing, a touch screen moves and places a booking, only slots not yet begun are offered, a
/// technician cannot move bookings, and what is booked is named in the reader's language.
/// </summary>
public sealed class MaintenanceCalendarBookingTests : MaintenanceCalendarTest
{
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
        Snackbars.WaitForAssertion(() => Assert.Contains("Choose a technician first", Snackbars.Markup));
    }

    [Fact]
    public void On_a_touch_screen_move_then_place_reschedules_a_booking_keeping_its_time_and_length_and_warns_of_an_overlap()
    {
        var moved = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(6)), Technician, TimeSpan.FromHours(26)); // Thu 10:00
        var there = BookWork(AddWorkOrder("S-2", "Cable check", TimeSpan.FromDays(6)), Technician, TimeSpan.FromHours(50)); // Fri 10:00
        var cut = Render<MaintenanceCalendar>();

        cut.Find($"[data-testid=move-{moved.Id}]").Click();
        Assert.Contains("UPS test", cut.Find("[data-testid=calendar-moving]").TextContent);
        Day(cut, "2026-11-27").QuerySelector("[data-testid=place-here]")!.Click();

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8)), Maintenance.Get(moved.Id)!.ScheduledStart);
        Assert.Equal(there.ScheduledEnd, Maintenance.Get(moved.Id)!.ScheduledEnd);
        Snackbars.WaitForAssertion(() => Assert.Contains("\"UPS test\" is booked, but it overlaps: Cable check.", Snackbars.Markup));
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
        Snackbars.WaitForAssertion(() => Assert.Contains("That time has already begun", Snackbars.Markup));

        // Today's day view: the afternoon's hours still ahead, not the morning's nor the hour under way.
        var day = RenderAt<MaintenanceCalendar>("maintenance/calendar?view=day&technician=tech@fleetops.test");
        day.Find($"[data-testid=move-{order.Id}]").Click();
        Assert.Empty(day.Find("[data-testid=calendar-hour-9]").QuerySelectorAll("[data-testid=place-here]"));
        Assert.Empty(day.Find("[data-testid=calendar-hour-13]").QuerySelectorAll("[data-testid=place-here]"));
        day.Find("[data-testid=calendar-hour-14] [data-testid=place-here]").Click();
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.FromHours(8)), Maintenance.Get(order.Id)!.ScheduledStart);
    }

    [Fact]
    public void A_technician_sees_only_their_own_bookings_and_cannot_move_them()
    {
        var mine = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3)), Technician, TimeSpan.FromHours(26));
        var theirs = BookWork(AddWorkOrder("S-1", "Printer cleaning", TimeSpan.FromDays(3)), Other, TimeSpan.FromHours(28));
        SignIn(Technician);

        var cut = Render<MaintenanceCalendar>();

        Assert.NotNull(cut.Find($"[data-testid=calendar-order-{mine.Id}]"));
        Assert.Empty(cut.FindAll($"[data-testid=calendar-order-{theirs.Id}]"));
        Assert.Empty(cut.FindAll("[data-testid=calendar-unbooked]"));
        Assert.Empty(cut.FindAll("[data-testid^=move-]"));
        Assert.Equal("false", cut.Find($"[data-testid=calendar-order-{mine.Id}]").GetAttribute("draggable"));
    }

    [Fact]
    public void Booking_a_follow_up_says_its_title_in_the_readers_language()
    {
        var service = Services.GetRequiredService<MaintenanceService>();
        var parent = AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(1), checklist: DefaultChecklists.PowerUps);
        var actor = MaintenanceActor.Of(Technician);
        BookWork(parent, Technician, TimeSpan.FromHours(1));
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

        Snackbars.WaitForAssertion(() => Assert.Contains("后续：UPS 自检通过 — 不合格", Snackbars.Markup));
        Assert.DoesNotContain("Follow-up:", Snackbars.Markup);
    }
}
