using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

public sealed class StoresTests : FleetComponentTest
{
    public StoresTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-11", "T-12", "T-13", "T-14");
        Register("S-2", "T-21", "T-22");
        foreach (var id in new[] { "T-11", "T-12", "T-13", "T-14", "T-21" }) Heartbeat(id);
        HeardLongAgo("T-22");
    }

    private static AngleSharp.Dom.IElement StoreRow(IRenderedComponent<Stores> cut, string code) =>
        cut.FindAll("[data-testid=store-table] tbody tr").Single(r => r.TextContent.Contains($"{code} · Store {code}"));

    /// <summary>Three of four terminals lose power within a minute: the store's supply, not three devices.</summary>
    private void StorePowerUnstableAtS1()
    {
        PublishBatch(
            ("T-11", new PowerEvent(NextId(), Now - TimeSpan.FromSeconds(50), PowerState.Lost)),
            ("T-12", new PowerEvent(NextId(), Now - TimeSpan.FromSeconds(30), PowerState.Lost)),
            ("T-13", new PowerEvent(NextId(), Now - TimeSpan.FromSeconds(10), PowerState.Lost)));
    }

    [Fact]
    public void A_store_with_a_terminal_never_heard_from_names_it_beside_the_online_count()
    {
        Register("S-2", "T-NEW");

        var cut = Render<Stores>();

        Assert.Equal("1 online · 1 never heard from", StoreRow(cut, "S-2").QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Equal("4 online", StoreRow(cut, "S-1").QuerySelectorAll("td")[3].TextContent.Trim());
    }

    [Fact]
    public void Each_store_shows_its_counts()
    {
        var cut = Render<Stores>();

        var s1 = StoreRow(cut, "S-1").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("East", s1[1]);
        Assert.Equal("4", s1[2]);
        Assert.Equal("4 online", s1[3]); // not "· 0 never heard from" on every store
        Assert.Equal("0", s1[4]);
        Assert.Contains("healthy", s1[7]);

        var s2 = StoreRow(cut, "S-2").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("North", s2[1]);
        Assert.Equal("2", s2[2]);
        Assert.Contains("1 online", s2[3]);
        Assert.Equal("1", s2[4]);
        Assert.Contains("1 problem", s2[7]);
        Assert.DoesNotContain("problem(s)", s2[7]);
    }

    /// <summary>"S-2: 1 offline" could not be opened from the list; it opens the store's page with its list of that terminal.</summary>
    [Fact]
    public void A_stores_offline_count_opens_its_page_listing_those_terminals_and_a_nought_is_no_link()
    {
        var cut = Render<Stores>();

        var link = StoreRow(cut, "S-2").QuerySelector("[data-testid=store-row-offline]")!;
        Assert.Equal(("1", "stores/S-2?connectivity=offline#store-terminals"), (link.TextContent.Trim(), link.GetAttribute("href")));
        Assert.Null(StoreRow(cut, "S-1").QuerySelector("[data-testid=store-row-offline]")); // none offline there
        var store = RenderAt<StoreDetail>(link.GetAttribute("href")!, p => p.Add(x => x.Code, "S-2"));
        store.WaitForAssertion(() => Assert.Equal(["T-22"], store.FindAll("[data-testid=terminal-grid] tbody tr a.fo-id").Select(a => a.TextContent.Trim())));
    }

    [Fact]
    public void Three_of_four_terminals_losing_power_within_a_minute_is_a_store_wide_power_loss()
    {
        StorePowerUnstableAtS1();

        var cut = Render<Stores>();

        Assert.Contains("store power unstable", StoreRow(cut, "S-1").TextContent);
        Assert.DoesNotContain("store power unstable", StoreRow(cut, "S-2").TextContent);
    }

    [Fact]
    public void A_single_terminal_losing_power_is_not_store_wide()
    {
        PowerLoss("T-11");

        var cut = Render<Stores>();

        Assert.DoesNotContain("store power unstable", StoreRow(cut, "S-1").TextContent);
    }

    [Fact]
    public void The_store_list_follows_the_fleet_without_a_reload()
    {
        var cut = Render<Stores>();
        Assert.DoesNotContain("store power unstable", StoreRow(cut, "S-1").TextContent);

        StorePowerUnstableAtS1();
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Contains("store power unstable", StoreRow(cut, "S-1").TextContent));
    }

    [Fact]
    public void Every_terminal_of_a_store_wide_outage_is_told_the_store_is_the_likely_cause()
    {
        StorePowerUnstableAtS1();

        foreach (var id in new[] { "T-11", "T-12", "T-13" })
        {
            Assert.Equal(LikelyCause.Store, Fleet.Get(id)!.Assessment.LikelyCause);
        }
        Assert.Null(Fleet.Get("T-14")!.Assessment.LikelyCause);
    }

    private static List<string> Codes(IRenderedComponent<Stores> cut) =>
        cut.FindAll("[data-testid=store-table] tbody tr").Select(r => r.QuerySelector("a")!.TextContent.Split(' ')[0]).ToList();

    private string Address => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri;

    [Fact]
    public void By_default_the_store_with_most_offline_terminals_is_first_and_the_address_stays_plain()
    {
        var cut = RenderAt<Stores>("stores");

        cut.WaitForAssertion(() => Assert.Equal(["S-2", "S-1"], Codes(cut)));
        Assert.EndsWith("/stores", Address);
    }

    [Fact]
    public void A_link_with_region_and_sort_opens_that_view_and_a_new_sort_is_written_back()
    {
        AddStore("S-3", region: "North");
        var cut = RenderAt<Stores>("stores?region=North&sort=code&order=desc");
        cut.WaitForAssertion(() => Assert.Equal(["S-3", "S-2"], Codes(cut)));
        cut.FindAll("th .mud-table-sort-label").Single(h => h.TextContent.Contains("Store")).Click();
        cut.WaitForAssertion(() => Assert.Equal(["S-2", "S-3"], Codes(cut)));
        Assert.Contains("sort=code", Address);
        Assert.DoesNotContain("order=desc", Address);

        cut.FindAll("th .mud-table-sort-label").Single(h => h.TextContent.Contains("Terminals")).Click();

        cut.WaitForAssertion(() => Assert.Equal(["S-3", "S-2"], Codes(cut))); // 0 terminals, then 2 — ascending
        Assert.Contains("sort=terminals", Address);
        Assert.Contains("region=North", Address);
        Assert.DoesNotContain("order=desc", Address);
    }

    [Fact]
    public void Only_stores_with_problems_is_kept_in_the_address()
    {
        var cut = RenderAt<Stores>("stores");

        cut.Find("input[data-testid=store-problems]").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(["S-2"], Codes(cut)));
        Assert.Contains("problems=only", Address);
    }
}


public sealed class StoreDetailTests : FleetComponentTest
{
    public StoreDetailTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        Register("S-1", "T-1", "T-2", "T-3");
        Heartbeat("T-1");
        HeardLongAgo("T-2");
    }

    [Fact]
    public void An_unknown_store_shows_the_not_found_panel()
    {
        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "NOPE"));

        var panel = cut.Find("[data-testid=not-found]");
        Assert.Contains("No such store here.", panel.TextContent);
        Assert.Equal("stores", panel.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_store_shows_its_counts_and_only_its_terminals()
    {
        AddStore("S-2");
        Register("S-2", "T-OTHER");

        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));

        Assert.Equal("1", cut.Find("[data-testid=store-online] .kpi-value").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-testid=store-offline] .kpi-value").TextContent.Trim());
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid^=connectivity-]").Count));
        Assert.Empty(cut.FindAll("[data-testid=connectivity-T-OTHER]"));
    }

    /// <summary>
    /// The store page's counts were plain numbers above a list of every terminal: "1 offline" could not be opened. Each
    /// connectivity and power count now filters the store's own list below to the terminals it counts — not a
    /// decommissioned one that never reported, which the counts leave out too.
    /// </summary>
    [Fact]
    public void Each_count_opens_the_stores_list_filtered_to_the_terminals_it_counts()
    {
        Fleet.Register(new TerminalRegistration("T-GONE", "S-1", "A920", "SN-T-GONE", Decommissioned: true));

        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));

        foreach (var (card, expected) in new[] { ("store-online", "T-1"), ("store-offline", "T-2"), ("store-unknown", "T-3") })
        {
            var link = cut.Find($"[data-testid={card}]").GetAttribute("href")!;
            Assert.Equal("1", cut.Find($"[data-testid={card}] .kpi-value").TextContent.Trim());
            var filtered = RenderAt<StoreDetail>(link, p => p.Add(x => x.Code, "S-1"));
            filtered.WaitForAssertion(() => Assert.Equal([expected],
                filtered.FindAll("[data-testid=terminal-grid] tbody tr a.fo-id").Select(a => a.TextContent.Trim())));
        }
        Assert.Equal("stores/S-1?power=unstable#store-terminals", cut.Find("[data-testid=store-unstable]").GetAttribute("href"));
    }

    [Fact]
    public void Store_counts_follow_the_fleet_without_a_reload()
    {
        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-1"));

        Heartbeat("T-2");
        LetLiveRefreshFire();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("2", cut.Find("[data-testid=store-online] .kpi-value").TextContent.Trim());
            Assert.Equal("0", cut.Find("[data-testid=store-offline] .kpi-value").TextContent.Trim());
            Assert.Equal("online", cut.Find("[data-testid=connectivity-T-2]").GetAttribute("data-connectivity"));
        });
    }
}
