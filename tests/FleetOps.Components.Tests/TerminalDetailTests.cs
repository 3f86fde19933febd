using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Detection;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

public sealed class TerminalDetailTests : FleetComponentTest
{
    public TerminalDetailTests()
    {
        Services.AddScoped<TerminalTimeline>();
        AddStore("S-1");
        Register("S-1", "T-1", "T-2");
    }

    [Fact]
    public void A_terminal_behind_its_target_says_since_when_and_one_with_an_unorderable_version_says_why_it_is_unknown()
    {
        Heartbeat("T-1", TimeSpan.FromDays(4), appVersion: "3.2.1", firmwareVersion: "1.9.0");
        Heartbeat("T-2", appVersion: "latest", firmwareVersion: "1.9.0");
        Fleet.SetTarget(new FleetOps.Core.Detection.SoftwareTarget("A920", "3.3.0", "1.9.0", null, Now - TimeSpan.FromDays(2)));

        var behind = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));
        var unknown = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-2"));

        Assert.Contains("(2 d)", behind.WaitForElement("[data-testid=software-behind]").TextContent);
        Assert.Contains("\"latest\"", unknown.WaitForElement("[data-testid=software-unknown-reason]").TextContent);
        Assert.Empty(behind.FindAll("[data-testid=software-unknown-reason]"));
    }

    [Fact]
    public void An_unorderable_version_is_quoted_the_Chinese_way_on_a_Chinese_page()
    {
        UseLanguage(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
        Heartbeat("T-2", appVersion: "latest", firmwareVersion: "1.9.0");
        Fleet.SetTarget(new FleetOps.Core.Detection.SoftwareTarget("A920", "3.3.0", "1.9.0", null, Now - TimeSpan.FromDays(2)));

        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-2"));

        Assert.Equal("状态未知：终端上报的版本“latest”中没有可比较的版本号。", cut.WaitForElement("[data-testid=software-unknown-reason]").TextContent.Trim());
    }

    [Theory]
    [InlineData("en", "Running for", "Boot id", "changes at every start")]
    [InlineData("zh-CN", "已运行", "启动标识", "每次开机都会变化")]
    public void The_boot_id_is_a_row_of_its_own_with_a_name_not_a_bare_code_beside_the_uptime(string language, string uptimeLabel, string bootLabel,
        string help)
    {
        UseLanguage(System.Globalization.CultureInfo.GetCultureInfo(language));
        Heartbeat("T-1", bootId: "iprrgppkt.1");

        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        var uptime = cut.WaitForElement("[data-testid=uptime]");
        Assert.DoesNotContain("iprrgppkt", uptime.TextContent);
        Assert.Equal(uptimeLabel, uptime.ParentElement!.FirstElementChild!.TextContent.Trim());
        var boot = cut.Find("[data-testid=boot-id]");
        Assert.Equal("iprrgppkt.1", boot.TextContent.Trim());
        var row = boot.ParentElement!.ParentElement!;
        Assert.Equal(bootLabel, row.FirstElementChild!.TextContent.Trim());
        // What it is for, in words a tablet shows (it was a tooltip).
        Assert.Equal(help, row.QuerySelector("[data-testid=boot-id-help]")!.TextContent.Trim());
    }

    [Fact]
    public void An_unknown_terminal_shows_the_not_found_panel()
    {
        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-NOPE"));

        var panel = cut.Find("[data-testid=not-found]");
        Assert.Contains("No such terminal here.", panel.TextContent);
        Assert.Equal("terminals", panel.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=terminal-connectivity]"));
    }

    [Fact]
    public void A_terminal_never_heard_from_shows_unknown_and_never()
    {
        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-2"));

        cut.WaitForAssertion(() => Assert.Contains("No power or transaction events yet.", cut.Markup));
        Assert.Equal("unknown", cut.Find("[data-testid=terminal-connectivity]").GetAttribute("data-connectivity"));
        Assert.Contains("never", cut.Markup);
        Assert.Equal("unknown", cut.Find("[data-testid=power-source]").TextContent);
        Assert.Contains("No target version set for A920.", cut.Markup);
    }

    [Fact]
    public void A_failed_update_shows_its_version_error_and_time_in_both_languages()
    {
        Heartbeat("T-1", TimeSpan.FromMinutes(5), appVersion: "3.2.1");
        PublishBatch(("T-1", new SoftwareEvent(NextId(), Now - TimeSpan.FromMinutes(3), SoftwareState.Failed, "3.3.0", "not enough space")));

        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        Assert.Contains("Last update activity: failed 3.3.0, 3 min ago", cut.Find("[data-testid=software-activity]").TextContent);
        Assert.Contains("Error: not enough space", cut.Find("[data-testid=software-error]").TextContent);
        UseLanguage(Languages.Chinese);
        var chinese = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));
        Assert.Contains("最近更新动态：失败 3.3.0", chinese.Find("[data-testid=software-activity]").TextContent);
        Assert.Contains("错误：not enough space", chinese.Find("[data-testid=software-error]").TextContent);
    }

    [Fact]
    public void The_status_panels_show_what_the_terminal_reported()
    {
        Heartbeat("T-1", TimeSpan.FromMinutes(2), appVersion: "3.2.1", firmwareVersion: "1.8.0", powerSource: PowerSource.Battery);
        Fleet.SetTarget(new SoftwareTarget("A920", "3.3.0", "1.9.0", null));

        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        cut.WaitForAssertion(() => Assert.DoesNotContain("mud-progress-linear-indeterminate", cut.Markup));
        Assert.Equal("online", cut.Find("[data-testid=terminal-connectivity]").GetAttribute("data-connectivity"));
        Assert.Equal("battery", cut.Find("[data-testid=power-source]").TextContent);
        Assert.Contains("2 min ago", cut.Markup);
        Assert.Contains("S-1 · Store S-1", cut.Markup);
        Assert.Contains("outdated", cut.Markup);
        Assert.Contains("Target for A920: app 3.3.0 · firmware 1.9.0", cut.Markup);
    }

    [Fact]
    public void The_timeline_lists_stored_power_events_newest_first()
    {
        Heartbeat("T-1");
        var lost = new PowerEvent(NextId(), Now - TimeSpan.FromMinutes(3), PowerState.Lost);
        var restored = new PowerEvent(NextId(), Now - TimeSpan.FromMinutes(1), PowerState.Restored);
        Database.Store("T-1", lost, Now);
        Database.Store("T-1", restored, Now);

        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        cut.WaitForAssertion(() =>
        {
            var rows = cut.FindAll("[data-testid=timeline] tbody tr");
            Assert.Equal(2, rows.Count);
            Assert.Contains("power · restored", rows[0].TextContent);
            Assert.Contains("power · lost", rows[1].TextContent);
        });
    }

    [Fact]
    public void A_new_power_event_appears_in_the_timeline_without_a_reload()
    {
        Heartbeat("T-1");
        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));
        cut.WaitForAssertion(() => Assert.Contains("No power or transaction events yet.", cut.Markup));

        // The event writer commits first, then publishes the new snapshot.
        var lost = new PowerEvent(NextId(), Now, PowerState.Lost);
        Database.Store("T-1", lost, Now);
        PublishBatch(("T-1", lost));
        LetLiveRefreshFire();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("power · lost", cut.Find("[data-testid=timeline]").TextContent);
            Assert.Contains("Losses in the window: 1", TextOf(cut));
        });
    }

    [Fact]
    public void The_power_timeline_draws_losses_reboots_and_runs_on_battery_and_the_battery_says_weak()
    {
        Heartbeat("T-1", TimeSpan.FromHours(6), bootId: "boot-1");
        PowerLoss("T-1", TimeSpan.FromHours(5));
        PowerLoss("T-1", TimeSpan.FromHours(4), PowerState.Brownout);
        Heartbeat("T-1", TimeSpan.FromHours(3), bootId: "boot-2"); // after the loss at 5 h: announced, no reboot
        Heartbeat("T-1", TimeSpan.FromHours(2), bootId: "boot-3"); // died unannounced between 3 h and 2 h ago
        PowerLoss("T-1", TimeSpan.FromMinutes(50), PowerState.OnBattery);
        PowerLoss("T-1", TimeSpan.FromMinutes(45), PowerState.LowBattery);
        PowerLoss("T-1", TimeSpan.FromMinutes(40), PowerState.Restored);

        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=timeline-loss]").Count));
        Assert.Single(cut.FindAll("[data-testid=timeline-reboot]"));
        Assert.Single(cut.FindAll("[data-testid=timeline-battery]"));
        Assert.Contains("Power over the last 24 h", cut.Markup);
        Assert.Equal("Battery health: weak, lasted 5 min on battery last time", cut.Find("[data-testid=battery-health]").TextContent.Trim());
        // The charge the last heartbeat reported stands above its bar, readable, and apart from the battery's health.
        Assert.Equal("battery 95%", cut.Find("[data-testid=battery-charge]").TextContent.Trim());
        Assert.Empty(cut.Find("[data-testid=battery-charge]").ParentElement!.QuerySelectorAll(".mud-progress-linear .mud-typography"));
    }

    [Fact]
    public void A_terminal_without_power_events_has_an_empty_timeline_and_an_unknown_battery()
    {
        Heartbeat("T-1");

        var cut = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-1"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=power-timeline-empty]")));
        Assert.Contains("not measured yet", cut.Find("[data-testid=battery-health]").TextContent);
    }
}
