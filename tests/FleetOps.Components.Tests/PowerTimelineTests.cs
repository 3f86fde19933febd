using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Components.Pages;

namespace FleetOps.Components.Tests;

/// <summary>
/// The store page's power timeline: S-1's mains failed 30 minutes ago for T-A, T-B and T-C (T-QUIET kept going), and
/// T-D has a failing supply of its own. The outage is a band across the store and shaded on the lanes of the tills it hit.
/// </summary>
public sealed class PowerTimelineTests : FleetComponentTest
{
    public PowerTimelineTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        Register("S-1", "T-A", "T-B", "T-C", "T-D", "T-QUIET");
        foreach (var id in new[] { "T-A", "T-B", "T-C", "T-D", "T-QUIET" }) Heartbeat(id, TimeSpan.FromHours(6));
        PowerLoss("T-D", TimeSpan.FromHours(5));
        PowerLoss("T-D", TimeSpan.FromHours(4), PowerState.Brownout);
        PowerLoss("T-A", TimeSpan.FromMinutes(30));
        PowerLoss("T-B", TimeSpan.FromMinutes(29));
        PowerLoss("T-C", TimeSpan.FromMinutes(29));
    }

    [Fact]
    public void The_store_page_draws_the_outage_band_and_one_lane_per_terminal_with_power_events_busiest_first()
    {
        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));

        var chart = cut.WaitForElement("[data-testid=store-power-timeline]");
        Assert.Contains("1 store outage", cut.Find("[data-testid=store-outage-lane]").TextContent);
        var lanes = chart.QuerySelectorAll("[data-testid^=power-lane-]").Select(l => l.GetAttribute("data-testid")).ToList();
        Assert.Equal(["power-lane-T-D", "power-lane-T-A", "power-lane-T-B", "power-lane-T-C"], lanes);
        Assert.Contains("2 losses", cut.Find("[data-testid=power-lane-T-D]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=power-lane-T-D] [data-testid=timeline-outage]"));
        Assert.Single(cut.FindAll("[data-testid=power-lane-T-A] [data-testid=timeline-outage]"));
        Assert.Contains("1 terminal had nothing to draw", chart.TextContent.Replace("\n", " "));
    }

    [Fact]
    public void The_outage_ends_on_the_store_timeline_when_a_till_reports_again()
    {
        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));
        cut.WaitForElement("[data-testid=store-outage-lane]");
        var before = cut.Find("[data-testid=store-outage-lane] + svg [data-testid=timeline-outage]").GetAttribute("width");

        Heartbeat("T-A", TimeSpan.FromMinutes(10), bootId: "boot-2");
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.NotEqual(before,
            cut.Find("[data-testid=store-outage-lane] + svg [data-testid=timeline-outage]").GetAttribute("width")));
    }

    [Fact]
    public void A_terminals_own_timeline_shades_the_store_outage_it_was_part_of()
    {
        var hit = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-A"));
        var alone = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-D"));

        hit.WaitForAssertion(() => Assert.Single(hit.FindAll("[data-testid=timeline-outage]")));
        Assert.Contains("Store outage", hit.Find("[data-testid=power-timeline]").TextContent);
        alone.WaitForAssertion(() => Assert.Equal(2, alone.FindAll("[data-testid=timeline-loss]").Count));
        Assert.Empty(alone.FindAll("[data-testid=timeline-outage]"));
    }

    [Fact]
    public void The_store_timeline_speaks_Chinese()
    {
        UseLanguage(Languages.Chinese);

        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));

        cut.WaitForAssertion(() => Assert.Contains("1 次门店停电", cut.Find("[data-testid=store-outage-lane]").TextContent));
        Assert.Contains("掉电 2 次", cut.Find("[data-testid=power-lane-T-D]").TextContent);
        Assert.DoesNotContain("⟦", cut.Markup);
        Assert.Contains("最近 24 小时的供电情况", cut.Markup); // not "24 小时 的": no space before 的
    }
}
