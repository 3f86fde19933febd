using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Components.Maintenance;
using FleetOps.Web.Maintenance;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// A technician's private calendar address (the iCalendar feed of the maintenance calendar): made, served and stopped,
/// stopping or replacing it asks first (in the reader's language), and its entries speak their owner's language.
/// </summary>
public sealed class MaintenanceCalendarFeedTests : MaintenanceCalendarTest
{
    [Fact]
    public void A_technician_makes_a_private_calendar_address_that_serves_their_bookings_until_they_stop_it()
    {
        BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3)), Technician, TimeSpan.FromHours(26));
        SignIn(Technician);
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
        SignIn(Technician);
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
        SignIn(Technician);
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
        var order = BookWork(AddWorkOrder("S-1", "UPS test", TimeSpan.FromDays(3), terminalId: "T-1"), Technician, TimeSpan.FromHours(26));
        var feeds = Services.GetRequiredService<FleetOps.Web.Maintenance.CalendarFeeds>();
        Wait(() => Users.SetLanguageAsync(Technician, "en", chosen: false));
        var token = Wait(() => feeds.CreateAsync(Technician.UserId, Technician.Email, null));
        Assert.Contains("DESCRIPTION:Terminal T-1 at S-1", Wait(() => feeds.CalendarAsync(token)));

        Wait(() => Users.SetLanguageAsync(Technician, "zh-CN"));

        var chinese = Wait(() => feeds.CalendarAsync(token))!;
        Assert.Contains("DESCRIPTION:门店 S-1 的终端 T-1", chinese);
        Assert.Contains($"SUMMARY:{order.Title}", chinese); // typed by a person: as written

        // A later sign-in from an English browser does not undo the choice.
        Wait(() => Users.SetLanguageAsync(Technician, "en", chosen: false));
        Assert.Contains("DESCRIPTION:门店 S-1 的终端 T-1", Wait(() => feeds.CalendarAsync(token)));
    }
}
