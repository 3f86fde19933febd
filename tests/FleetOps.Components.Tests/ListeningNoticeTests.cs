using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Localization;

namespace FleetOps.Components.Tests;

/// <summary>
/// After FleetOps was down longer than the offline limit, the pages that show connectivity say so while terminals that
/// were online then still read online (Core/Fleet/ListeningHistory), and stop saying it when the limit has passed. While
/// FleetOps runs but cannot reach its database they say that no terminal is judged offline meanwhile, and afterwards why
/// terminals silent through the outage still read online.
/// </summary>
public sealed class ListeningNoticeTests : FleetComponentTest
{
    public ListeningNoticeTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        Register("S-1", "T-1");
    }

    /// <summary>The terminal's last word an hour ago, a minute before FleetOps stopped; the fleet rebuilt now.</summary>
    private void StartAfterAnHourDown()
    {
        Heartbeat("T-1", TimeSpan.FromMinutes(60));
        Fleet.Load(Fleet.All.ToList(), [], [(Now - TimeSpan.FromDays(1), Now - TimeSpan.FromMinutes(59))]);
    }

    [Fact]
    public void The_terminals_page_explains_why_a_terminal_silent_for_an_hour_reads_online_until_the_limit_has_passed()
    {
        StartAfterAnHourDown();

        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Equal(
            "FleetOps was down for 59 min and started again just now. Terminals that were online before have 3 min from the start to report, and show as online until then.",
            cut.Find("[data-testid=listening-notice]").TextContent.Trim()));
        Assert.Equal("online", cut.Find("[data-testid=connectivity-T-1]").GetAttribute("data-connectivity"));

        AdvanceUntil(cut, () => Assert.Empty(cut.FindAll("[data-testid=listening-notice]")), TimeSpan.FromSeconds(10));
        Assert.True(Now >= FleetComponentTest.Start + TimeSpan.FromMinutes(3), $"the notice went at {Now - FleetComponentTest.Start}");
        Fleet.Sweep(includePower: false);
        cut.WaitForAssertion(() => Assert.Equal("offline", cut.Find("[data-testid=connectivity-T-1]").GetAttribute("data-connectivity")));
    }

    [Fact]
    public void The_overview_says_it_in_Chinese()
    {
        StartAfterAnHourDown();
        UseLanguage(Languages.Chinese);

        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal(
            "FleetOps 停止运行了 59 分钟（刚刚重新启动）。停机前在线的终端在启动后有 3 分钟时间上报，在此之前仍显示为在线。",
            cut.Find("[data-testid=listening-notice]").TextContent.Trim()));
    }

    [Fact]
    public void A_store_manager_reads_it_on_their_store_and_on_the_terminal()
    {
        StartAfterAnHourDown();
        SignInAsStoreManager("S-1");

        var store = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));
        var terminal = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        store.WaitForAssertion(() => Assert.StartsWith("FleetOps was down for 59 min", store.Find("[data-testid=listening-notice]").TextContent.Trim()));
        terminal.WaitForAssertion(() => Assert.StartsWith("FleetOps was down for 59 min", terminal.Find("[data-testid=listening-notice]").TextContent.Trim()));
    }

    /// <summary>A virtual machine resumed two hours later, its clock caught up at once: the time skipped is not held
    /// against the terminals, and the pages say why one silent since then still reads online.</summary>
    [Fact]
    public void After_the_servers_clock_was_set_forward_the_terminals_page_says_so_until_the_limit_has_passed()
    {
        Heartbeat("T-1", TimeSpan.FromMinutes(1));
        var before = Now;
        Clock.Advance(TimeSpan.FromHours(2));
        Fleet.ClockStepped(before, Now);

        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Equal(
            "The server's clock was set forward by 2 h while FleetOps ran (just now). That time does not count against the terminals: those online before have 3 min from then to report, and show as online until then.",
            cut.Find("[data-testid=listening-notice]").TextContent.Trim()));
        Assert.Equal("online", cut.Find("[data-testid=connectivity-T-1]").GetAttribute("data-connectivity"));

        AdvanceUntil(cut, () => Assert.Empty(cut.FindAll("[data-testid=listening-notice]")), TimeSpan.FromSeconds(10));
        Fleet.Sweep(includePower: false);
        cut.WaitForAssertion(() => Assert.Equal("offline", cut.Find("[data-testid=connectivity-T-1]").GetAttribute("data-connectivity")));
    }

    [Fact]
    public void The_clock_notice_in_Chinese()
    {
        Heartbeat("T-1", TimeSpan.FromMinutes(1));
        var before = Now;
        Clock.Advance(TimeSpan.FromHours(2));
        Fleet.ClockStepped(before, Now);
        UseLanguage(Languages.Chinese);

        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.StartsWith("FleetOps 运行期间服务器时钟被向前调整了 2 小时", cut.Find("[data-testid=listening-notice]").TextContent.Trim()));
    }

    [Fact]
    public void Without_an_outage_there_is_no_notice()
    {
        Heartbeat("T-1", TimeSpan.FromMinutes(1));

        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Equal("online", cut.Find("[data-testid=connectivity-T-1]").GetAttribute("data-connectivity")));
        Assert.Empty(cut.FindAll("[data-testid=listening-notice]"));
    }

    [Fact]
    public void The_terminals_page_says_by_itself_that_the_database_is_out_of_reach_and_then_that_it_is_back()
    {
        Heartbeat("T-1", TimeSpan.FromMinutes(2)); // a minute left
        var cut = Render<Terminals>();
        cut.WaitForAssertion(() => Assert.Equal("online", cut.Find("[data-testid=connectivity-T-1]").GetAttribute("data-connectivity")));
        Assert.Empty(cut.FindAll("[data-testid=listening-notice]"));
        var lastReached = Now;

        Fleet.PauseListening(lastReached);

        // On the notice's next look at the clock (every 10 s): an outage changes no terminal to announce it.
        AdvanceUntil(cut, () => Assert.Matches(
            "^FleetOps last reached its database 1[05] s ago: terminals' reports are refused and will be sent again, and no terminal counts as offline until the database is back.$",
            cut.Find("[data-testid=listening-notice]").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Clock.Advance(lastReached + TimeSpan.FromMinutes(5) - Now);
        Fleet.Sweep(includePower: false);
        cut.WaitForAssertion(() => Assert.StartsWith("FleetOps last reached its database 5 min ago", cut.Find("[data-testid=listening-notice]").TextContent.Trim()));
        Assert.Equal("online", cut.Find("[data-testid=connectivity-T-1]").GetAttribute("data-connectivity"));

        Fleet.ResumeListening(Now);

        AdvanceUntil(cut, () => Assert.Matches(
            "^FleetOps could not reach its database for 5 min and reached it again (just now|1[05] s ago). Terminals that were online before have 3 min from then to report, and show as online until then.$",
            cut.Find("[data-testid=listening-notice]").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Assert.Equal("online", cut.Find("[data-testid=connectivity-T-1]").GetAttribute("data-connectivity"));
    }

    [Fact]
    public void The_overview_says_in_Chinese_that_the_database_is_out_of_reach()
    {
        Heartbeat("T-1", TimeSpan.FromMinutes(1));
        Fleet.PauseListening(Now - TimeSpan.FromMinutes(2));
        UseLanguage(Languages.Chinese);

        var cut = Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal(
            "FleetOps 最后一次连接到数据库是在2 分钟前，此后无法连接：终端的上报被拒绝，终端会稍后重发；在数据库恢复之前，不会有终端被判定为离线。",
            cut.Find("[data-testid=listening-notice]").TextContent.Trim()));
    }
}
