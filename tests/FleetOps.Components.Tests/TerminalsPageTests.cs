using AngleSharp.Dom;
using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Detection;
using FleetOps.Web.Components.Pages;

namespace FleetOps.Components.Tests;

public sealed class TerminalsPageTests : FleetComponentTest
{
    public TerminalsPageTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        Register("S-1", "T-ON", "T-OFF", "T-NEW");
        Heartbeat("T-ON", TimeSpan.FromMinutes(2));
        HeardLongAgo("T-OFF");
    }

    private static IElement Row(IRenderedComponent<Terminals> cut, string terminalId) =>
        cut.Find($"[data-testid=connectivity-{terminalId}]").Closest("tr")
        ?? throw new InvalidOperationException($"No row for {terminalId}");

    private static string Connectivity(IRenderedComponent<Terminals> cut, string terminalId) =>
        cut.Find($"[data-testid=connectivity-{terminalId}]").GetAttribute("data-connectivity") ?? "(none)";

    [Fact]
    public void The_short_headers_keep_to_one_line_in_Chinese()
    {
        UseLanguage(Languages.Chinese);

        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Equal("online", Connectivity(cut, "T-ON")));
        foreach (var title in new[] { "连接状态", "最近联系", "软件", "供电" })
        {
            var header = cut.FindAll("[data-testid=terminal-grid] th").Single(th => th.TextContent.Contains(title, StringComparison.Ordinal));
            Assert.Contains("fo-keep-words", header.ClassList);
        }
    }

    [Fact]
    public void Every_terminal_has_a_row_with_its_connectivity_chip()
    {
        var cut = Render<Terminals>();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("online", Connectivity(cut, "T-ON"));
            Assert.Equal("offline", Connectivity(cut, "T-OFF"));
            Assert.Equal("unknown", Connectivity(cut, "T-NEW"));
        });
        Assert.Equal("online", cut.Find("[data-testid=connectivity-T-ON]").TextContent.Trim());
        Assert.Contains("2 min ago", Row(cut, "T-ON").TextContent);
        Assert.Contains("S-1", Row(cut, "T-ON").TextContent);
        // The exact time on hover is the store's clock (Shanghai), as on every other page, not UTC.
        Assert.EndsWith("+08:00", Row(cut, "T-ON").QuerySelector("span[title]")!.GetAttribute("title"));
    }

    [Fact]
    public void A_terminal_never_heard_from_shows_never()
    {
        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Contains("never", Row(cut, "T-NEW").TextContent));
        Assert.DoesNotContain("never", Row(cut, "T-ON").TextContent);
    }

    [Fact]
    public void The_connectivity_filter_from_the_query_string_shows_only_matching_terminals()
    {
        var cut = RenderAt<Terminals>("terminals?connectivity=offline");

        cut.WaitForAssertion(() => Assert.Equal("offline", Connectivity(cut, "T-OFF")));
        Assert.Empty(cut.FindAll("[data-testid=connectivity-T-ON]"));
        Assert.Empty(cut.FindAll("[data-testid=connectivity-T-NEW]"));
        Assert.Equal("export/terminals.csv?connectivity=offline", cut.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public void The_search_from_the_query_string_narrows_the_grid_and_the_export_link()
    {
        var cut = RenderAt<Terminals>("terminals?search=T-NEW");

        cut.WaitForAssertion(() => Assert.Equal("unknown", Connectivity(cut, "T-NEW")));
        Assert.Single(cut.FindAll("[data-testid^=connectivity-]"));
        Assert.Equal("export/terminals.csv?search=T-NEW", cut.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public void A_filter_nobody_matches_says_so()
    {
        Heartbeat("T-OFF");
        var cut = RenderAt<Terminals>("terminals?connectivity=offline");

        cut.WaitForAssertion(() => Assert.Contains("No terminal matches these filters.", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid^=connectivity-]"));
    }

    [Fact]
    public void The_grid_rerenders_by_itself_when_a_terminal_is_heard_from()
    {
        var cut = Render<Terminals>();
        cut.WaitForAssertion(() => Assert.Equal("unknown", Connectivity(cut, "T-NEW")));

        Heartbeat("T-NEW");
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("online", Connectivity(cut, "T-NEW")));
        Assert.Contains("just now", Row(cut, "T-NEW").TextContent);
    }

    [Fact]
    public void A_terminal_that_goes_offline_turns_offline_in_the_grid()
    {
        var cut = Render<Terminals>();
        cut.WaitForAssertion(() => Assert.Equal("online", Connectivity(cut, "T-ON")));

        Clock.Advance(Detection.OfflineAfter);
        Fleet.Sweep(includePower: false);
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("offline", Connectivity(cut, "T-ON")));
    }

    [Fact]
    public void Setting_a_target_version_marks_older_terminals_outdated()
    {
        Heartbeat("T-NEW", appVersion: "3.3.0", firmwareVersion: "1.9.0");
        var cut = Render<Terminals>();
        cut.WaitForAssertion(() => Assert.Contains("unknown", SoftwareCell(Row(cut, "T-ON"))));

        Fleet.SetTarget(new SoftwareTarget("A920", "3.3.0", "1.9.0", null));
        LetLiveRefreshFire();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("outdated", SoftwareCell(Row(cut, "T-ON")));
            Assert.Equal("current", SoftwareCell(Row(cut, "T-NEW")));
        });
    }

    [Fact]
    public void Filtered_to_outdated_terminals_each_row_shows_its_version_and_the_target()
    {
        Fleet.SetTarget(new SoftwareTarget("A920", "3.3.0", "1.9.0", null));

        var cut = RenderAt<Terminals>("terminals?software=outdated");

        cut.WaitForAssertion(() => Assert.Equal("3.2.1 → 3.3.0", cut.Find("[data-testid=version-gap-T-ON]").TextContent.Trim()));
    }

    [Fact]
    public void Unfiltered_the_software_column_keeps_the_versions_for_wide_screens_only()
    {
        Fleet.SetTarget(new SoftwareTarget("A920", "3.3.0", "1.9.0", null));

        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Equal("outdated", SoftwareCell(Row(cut, "T-ON"))));
        Assert.Empty(cut.FindAll("[data-testid=version-gap-T-ON]"));
    }

    /// <summary>The software chip's words: the column after "App".</summary>
    private static string SoftwareCell(IElement row)
    {
        var chips = row.QuerySelectorAll(".mud-chip").Select(c => c.TextContent.Trim()).ToList();
        // Chips in a row, in column order: connectivity, software, power.
        return chips.Count >= 3 ? chips[1] : string.Join("|", chips);
    }
}
