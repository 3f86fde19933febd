using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Detection;
using FleetOps.Web.Components.Pages;

namespace FleetOps.Components.Tests;

public sealed class OverviewTests : FleetComponentTest
{
    /// <summary>
    /// S-1: T-1 online, T-2 offline, T-3 never heard from. S-2: T-4 online with three power losses today (unstable),
    /// T-5 online on an app below its model's target (outdated).
    /// </summary>
    private void BuildMixedFleet()
    {
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1", "T-2", "T-3");
        Register("S-2", "T-4");
        RegisterModel("S-2", "P400", "T-5");
        Heartbeat("T-1");
        HeardLongAgo("T-2");
        Heartbeat("T-4");
        PowerLoss("T-4", TimeSpan.FromHours(5));
        PowerLoss("T-4", TimeSpan.FromHours(3));
        PowerLoss("T-4", TimeSpan.FromHours(1));
        Heartbeat("T-5", appVersion: "2.0.0");
        Fleet.SetTarget(new SoftwareTarget("P400", "3.0.0", "1.0.0", null));
    }

    private static string Kpi(IRenderedComponent<Overview> cut, string testId) =>
        cut.Find($"[data-testid={testId}] .kpi-value").TextContent.Trim();

    [Fact]
    public void Kpi_cards_count_each_state_a_manager_cares_about()
    {
        BuildMixedFleet();

        var cut = Render<Overview>();

        Assert.Equal("5", Kpi(cut, "kpi-terminals"));
        Assert.Equal("3", Kpi(cut, "kpi-online"));
        Assert.Equal("1", Kpi(cut, "kpi-offline"));
        Assert.Equal("1", Kpi(cut, "kpi-unknown"));
        Assert.Equal("1", Kpi(cut, "kpi-unstable"));
        Assert.Equal("1", Kpi(cut, "kpi-outdated"));
    }

    [Fact]
    public void Kpi_cards_link_to_the_filtered_terminal_list()
    {
        BuildMixedFleet();

        var cut = Render<Overview>();

        Assert.Equal("terminals?connectivity=offline", cut.Find("[data-testid=kpi-offline]").GetAttribute("href"));
        Assert.Equal("terminals?power=unstable", cut.Find("[data-testid=kpi-unstable]").GetAttribute("href"));
    }

    [Fact]
    public void The_software_card_counts_outdated_and_unsupported_and_opens_the_page_that_splits_them()
    {
        BuildMixedFleet();
        Register("S-2", "T-6");
        Heartbeat("T-6", appVersion: "2.0.0");
        Fleet.SetTarget(new SoftwareTarget("A920", "3.0.0", "1.0.0", "2.5.0")); // T-6 below the minimum: unsupported

        var cut = Render<Overview>();

        // Two behind, one of each: the terminals list filtered to "outdated" would have opened one of them.
        Assert.Equal("2", Kpi(cut, "kpi-outdated"));
        Assert.Equal("software", cut.Find("[data-testid=kpi-outdated]").GetAttribute("href"));
    }

    [Fact]
    public void A_fleet_without_problems_says_every_store_is_healthy()
    {
        AddStore("S-1");
        Register("S-1", "T-1", "T-2");
        Heartbeat("T-1");
        Heartbeat("T-2");

        var cut = Render<Overview>();

        Assert.Contains("Every store is healthy.", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=problem-stores]"));
        Assert.Contains("Stores with problems (0)", cut.Markup);
    }

    [Fact]
    public void Stores_with_problems_are_listed_worst_first_with_their_counts()
    {
        BuildMixedFleet();

        var cut = Render<Overview>();

        Assert.DoesNotContain("Every store is healthy.", cut.Markup);
        var rows = cut.FindAll("[data-testid=problem-stores] tbody tr");
        Assert.Equal(2, rows.Count);
        // S-1 has the offline terminal, so it comes first.
        Assert.Contains("S-1 · Store S-1", rows[0].TextContent);
        Assert.Contains("1 / 3", rows[0].TextContent);
        Assert.Contains("S-2 · Store S-2", rows[1].TextContent);
        Assert.Equal("stores/S-1", rows[0].QuerySelector("a")!.GetAttribute("href"));
        // Its "1 / 3" offline opens the store's list of that terminal; S-2 has none offline, so its count is no link.
        var offline = rows[0].QuerySelector("[data-testid=problem-store-offline]")!;
        Assert.Equal(("1 / 3", "stores/S-1?connectivity=offline#store-terminals"), (offline.TextContent.Trim(), offline.GetAttribute("href")));
        Assert.Null(rows[1].QuerySelector("[data-testid=problem-store-offline]"));
    }

    [Fact]
    public void Past_fifteen_stores_with_problems_the_rest_are_one_link_away_and_a_phone_sees_each_ones_counts()
    {
        // Eighteen stores, each with one terminal heard from long ago (offline).
        foreach (var i in Enumerable.Range(1, 18))
        {
            AddStore($"S-{i:00}");
            Register($"S-{i:00}", $"T-{i:00}");
            HeardLongAgo($"T-{i:00}");
        }

        var cut = Render<Overview>();

        Assert.Contains("Stores with problems (18)", cut.Markup);
        Assert.Equal(15, cut.FindAll("[data-testid=problem-store]").Count);
        var more = cut.Find("[data-testid=all-problem-stores]");
        Assert.Equal("and 3 more stores", more.TextContent.Trim());
        Assert.Equal("stores?problems=only", more.GetAttribute("href"));
        // The counts a phone has no columns for stand under each store.
        Assert.Contains("1 / 1", cut.Find("[data-testid=problem-store-counts]").TextContent);
    }

    [Fact]
    public void Kpis_follow_the_fleet_without_a_reload()
    {
        AddStore("S-1");
        Register("S-1", "T-1", "T-2");
        Heartbeat("T-1");
        var cut = Render<Overview>();
        Assert.Equal("1", Kpi(cut, "kpi-online"));
        Assert.Equal("1", Kpi(cut, "kpi-unknown"));

        Heartbeat("T-2");
        LetLiveRefreshFire();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("2", Kpi(cut, "kpi-online"));
            Assert.Equal("0", Kpi(cut, "kpi-unknown"));
        });
    }

    [Fact]
    public void The_events_chart_labels_its_minutes_in_the_stores_time_zone()
    {
        BuildMixedFleet(); // stores in Asia/Shanghai; the clock is at midnight UTC, 08:00 there

        var cut = Render<Overview>();

        var first = TimeZoneInfo.ConvertTime(Now - TimeSpan.FromMinutes(29), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("HH:mm");
        Assert.StartsWith("07:", first);
        Assert.Contains($">{first}<", cut.Markup);
        Assert.DoesNotContain($">{(Now - TimeSpan.FromMinutes(29)).UtcDateTime:HH:mm}<", cut.Markup); // not the server's UTC
    }
}

