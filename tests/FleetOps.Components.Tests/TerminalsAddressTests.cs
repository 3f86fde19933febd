using Bunit;
using Bunit.TestDoubles;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// The terminals grid keeps its view in the address (issue 11): a filtered, sorted, paged view opened from a link shows
/// exactly that, and what the person changes is written back, so a bookmark, a shared link or Back brings it again.
/// </summary>
public sealed class TerminalsAddressTests : FleetComponentTest
{
    public TerminalsAddressTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        AddStore("S-2");
        // 30 offline terminals in S-1, each heard from one minute later than the one before: T-01 longest ago.
        var ids = Enumerable.Range(1, 30).Select(i => $"T-{i:00}").ToArray();
        Register("S-1", ids);
        foreach (var (id, i) in ids.Select((id, i) => (id, i))) Heartbeat(id, Detection.OfflineAfter + TimeSpan.FromMinutes(60 - i));
        Register("S-2", "T-ON");
        Heartbeat("T-ON");
    }

    private BunitNavigationManager Navigation => (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

    private static List<string> Shown(IRenderedComponent<Terminals> cut) =>
        cut.FindAll("[data-testid^=connectivity-]").Select(e => e.GetAttribute("data-testid")!["connectivity-".Length..]).ToList();

    [Fact]
    public void A_link_with_filter_sort_and_page_opens_exactly_that_view()
    {
        var cut = RenderAt<Terminals>("terminals?connectivity=offline&sort=last_seen&order=desc&page=2&pageSize=25");

        // Newest first, 25 per page: page 2 holds the five heard from longest ago, T-05 down to T-01; T-ON is online.
        cut.WaitForAssertion(() => Assert.Equal(["T-05", "T-04", "T-03", "T-02", "T-01"], Shown(cut)));
        Assert.Equal("export/terminals.csv?connectivity=offline", cut.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public void Changing_the_sort_and_page_writes_them_into_the_address_without_adding_history()
    {
        var cut = RenderAt<Terminals>("terminals?connectivity=offline");
        cut.WaitForAssertion(() => Assert.Equal(25, Shown(cut).Count));
        var history = Navigation.History.Count;

        cut.FindAll("th .sortable-column-header").First(h => h.TextContent.Contains("Last seen")).Click();
        cut.WaitForAssertion(() => Assert.Contains("sort=last_seen", Navigation.Uri));
        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("page=2", Navigation.Uri);
            Assert.Equal(["T-26", "T-27", "T-28", "T-29", "T-30"], Shown(cut));
        });
        Assert.Contains("connectivity=offline", Navigation.Uri);
        Assert.Equal(history, Navigation.History.Count);
    }

    [Fact]
    public void A_new_filter_starts_again_at_the_first_page_and_says_so_in_the_address()
    {
        var cut = RenderAt<Terminals>("terminals?page=2");
        cut.WaitForAssertion(() => Assert.Equal(6, Shown(cut).Count));

        cut.Find("input[data-testid=terminal-search]").Input("T-0");
        AdvanceUntil(cut, () => // the search box waits for typing to pause
        {
            Assert.Equal(9, Shown(cut).Count);
            Assert.Contains("search=T-0", Navigation.Uri);
            Assert.DoesNotContain("page=", Navigation.Uri);
        }, TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public void Following_a_link_to_the_bare_page_clears_the_view()
    {
        var cut = RenderAt<Terminals>("terminals?connectivity=online&sort=store&order=desc");
        cut.WaitForAssertion(() => Assert.Equal(["T-ON"], Shown(cut)));

        Navigation.NavigateTo("terminals");

        cut.WaitForAssertion(() => Assert.Equal(25, Shown(cut).Count));
        Assert.Equal("T-01", Shown(cut)[0]);
    }

    [Fact]
    public void Values_the_page_does_not_understand_are_ignored_not_fatal()
    {
        var cut = RenderAt<Terminals>("terminals?connectivity=sideways&sort=colour&page=abc&pageSize=7");

        cut.WaitForAssertion(() => Assert.Equal(25, Shown(cut).Count));
        Assert.Equal("T-01", Shown(cut)[0]);
    }
}
