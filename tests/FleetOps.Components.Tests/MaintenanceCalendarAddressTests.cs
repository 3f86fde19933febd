using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Maintenance;

namespace FleetOps.Components.Tests;

/// <summary>
/// The maintenance calendar's view in the address: view and date come from it and stepping writes them back; the chosen
/// view is the filled, pressed button.
/// </summary>
public sealed class MaintenanceCalendarAddressTests : MaintenanceCalendarTest
{
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
}
