using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Components.Shared;
using FleetOps.Web.Fleet;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Components.Tests;

/// <summary>
/// What a person sees is limited to their stores: a store manager of S-A sees S-A's terminals and store only, and a
/// store or terminal of S-B looks exactly like one that does not exist.
/// </summary>
public sealed class ScopingTests : FleetComponentTest
{
    /// <summary>
    /// S-A (East): T-A1 online, T-A2 offline, T-A3 never heard from.
    /// S-B (North): T-B1 online, T-B2 offline, T-B3 never heard from, T-B4 online: one more of everything than S-A would hide.
    /// </summary>
    public ScopingTests()
    {
        Services.AddScoped<TerminalTimeline>();
        RenderPopoverProvider();
        AddStore("S-A", region: "East");
        AddStore("S-B", region: "North");
        Register("S-A", "T-A1", "T-A2", "T-A3");
        Register("S-B", "T-B1", "T-B2", "T-B3", "T-B4");
        Heartbeat("T-A1");
        HeardLongAgo("T-A2");
        Heartbeat("T-B1");
        HeardLongAgo("T-B2");
        Heartbeat("T-B4");
    }

    private static readonly string[] StoreATerminals = ["T-A1", "T-A2", "T-A3"];
    private static readonly string[] StoreBTerminals = ["T-B1", "T-B2", "T-B3", "T-B4"];

    private static string Kpi(IRenderedComponent<Overview> cut, string testId) =>
        cut.Find($"[data-testid={testId}] .kpi-value").TextContent.Trim();

    private static IReadOnlyList<string> TerminalChips(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut) =>
        cut.FindAll("[data-testid^=connectivity-]").Select(e => e.GetAttribute("data-testid")!["connectivity-".Length..]).Order().ToList();

    [Fact]
    public void The_overview_of_a_store_manager_counts_only_their_store()
    {
        SignInAsStoreManager("S-A");

        var cut = Render<Overview>();

        Assert.Equal("3", Kpi(cut, "kpi-terminals"));
        Assert.Equal("1", Kpi(cut, "kpi-online"));
        Assert.Equal("1", Kpi(cut, "kpi-offline"));
        Assert.Equal("1", Kpi(cut, "kpi-unknown"));
        var row = Assert.Single(cut.FindAll("[data-testid=problem-stores] tbody tr"));
        Assert.Contains("S-A · Store S-A", row.TextContent);
        Assert.DoesNotContain("S-B", cut.Markup);
    }

    [Fact]
    public void The_overview_of_an_administrator_counts_every_store()
    {
        var cut = Render<Overview>();

        Assert.Equal("7", Kpi(cut, "kpi-terminals"));
        Assert.Equal("3", Kpi(cut, "kpi-online"));
        Assert.Equal(2, cut.FindAll("[data-testid=problem-stores] tbody tr").Count);
    }

    [Fact]
    public void The_terminals_grid_of_a_store_manager_lists_only_their_store()
    {
        SignInAsStoreManager("S-A");

        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Equal(StoreATerminals, TerminalChips(cut)));
        Assert.DoesNotContain("S-B", cut.Find("[data-testid=terminal-grid]").TextContent);
    }

    [Theory]
    [InlineData("terminals?search=T-B1")]
    [InlineData("terminals?store=S-B")]
    [InlineData("terminals?connectivity=online&search=T-B")]
    public void Searching_or_filtering_for_another_store_finds_nothing(string uri)
    {
        SignInAsStoreManager("S-A");

        var cut = RenderAt<Terminals>(uri);

        cut.WaitForAssertion(() => Assert.Contains("No terminal matches these filters.", cut.Markup));
        Assert.Empty(TerminalChips(cut));
    }

    [Fact]
    public void The_stores_page_of_a_store_manager_lists_only_their_store()
    {
        SignInAsStoreManager("S-A");

        var cut = Render<Stores>();

        var row = Assert.Single(cut.FindAll("[data-testid=store-table] tbody tr"));
        Assert.Contains("S-A · Store S-A", row.TextContent);
        Assert.DoesNotContain("S-B", cut.Markup);
        Assert.DoesNotContain("North", cut.Markup);
    }

    [Fact]
    public void A_regional_manager_sees_the_stores_of_their_region()
    {
        SignInAsRegionalManager("North");

        var stores = Render<Stores>();
        var terminals = Render<Terminals>();

        var row = Assert.Single(stores.FindAll("[data-testid=store-table] tbody tr"));
        Assert.Contains("S-B · Store S-B", row.TextContent);
        terminals.WaitForAssertion(() => Assert.Equal(StoreBTerminals, TerminalChips(terminals)));
    }

    [Fact]
    public void The_detail_page_of_another_store_shows_the_not_found_panel()
    {
        SignInAsStoreManager("S-A");

        var other = Render<StoreDetail>(p => p.Add(x => x.Code, "S-B"));
        var own = Render<StoreDetail>(p => p.Add(x => x.Code, "S-A"));

        Assert.Contains("No such store here.", other.Find("[data-testid=not-found]").TextContent);
        Assert.Empty(TerminalChips(other));
        Assert.Empty(own.FindAll("[data-testid=not-found]"));
        own.WaitForAssertion(() => Assert.Equal(StoreATerminals, TerminalChips(own)));
    }

    [Fact]
    public void The_detail_page_of_another_stores_terminal_shows_the_not_found_panel()
    {
        SignInAsStoreManager("S-A");

        var other = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-B1"));
        var own = Render<TerminalDetail>(p => p.Add(x => x.TerminalId, "T-A1"));

        Assert.Contains("No such terminal here.", other.Find("[data-testid=not-found]").TextContent);
        Assert.Empty(other.FindAll("[data-testid=terminal-connectivity]"));
        Assert.DoesNotContain("S-B", other.Markup);
        own.WaitForAssertion(() => Assert.Equal("online", own.Find("[data-testid=terminal-connectivity]").GetAttribute("data-connectivity")));
    }

    [Fact]
    public void A_change_in_another_store_does_not_reach_the_grid_and_a_change_in_the_own_store_does()
    {
        SignInAsStoreManager("S-A");
        var cut = Render<Terminals>();
        cut.WaitForAssertion(() => Assert.Equal(StoreATerminals, TerminalChips(cut)));
        var grid = cut.FindComponent<TerminalGrid>();
        var renders = grid.RenderCount;
        var markup = grid.Markup;

        // S-B's terminal never heard from comes online: not this user's business, so the grid does not even re-render.
        Heartbeat("T-B3");
        LetLiveRefreshFire();

        Assert.Equal(renders, grid.RenderCount);
        Assert.Equal(markup, grid.Markup);

        // S-A's does: the grid follows it, and still shows nothing of S-B.
        Heartbeat("T-A3");
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("online", cut.Find("[data-testid=connectivity-T-A3]").GetAttribute("data-connectivity")));
        Assert.Equal(StoreATerminals, TerminalChips(cut));
        Assert.DoesNotContain("S-B", cut.Find("[data-testid=terminal-grid]").TextContent);
    }

    [Fact]
    public void A_change_in_another_store_does_not_change_the_overview()
    {
        SignInAsStoreManager("S-A");
        var cut = Render<Overview>();
        Assert.Equal("1", Kpi(cut, "kpi-online"));

        Heartbeat("T-B3");
        HeardLongAgo("T-B1");
        LetLiveRefreshFire();
        Heartbeat("T-A3");
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal("2", Kpi(cut, "kpi-online")));
        Assert.Equal("1", Kpi(cut, "kpi-offline"));
        Assert.Equal("3", Kpi(cut, "kpi-terminals"));
    }

    [Fact]
    public void A_technician_sees_the_stores_assigned_to_them()
    {
        SignInAsTechnician("S-B");

        var cut = Render<Terminals>();

        cut.WaitForAssertion(() => Assert.Equal(StoreBTerminals, TerminalChips(cut)));
    }

    [Fact]
    public void Nobody_signed_in_sees_nothing()
    {
        SignOut();

        var terminals = Render<Terminals>();
        var overview = Render<Overview>();

        terminals.WaitForAssertion(() => Assert.Contains("No terminal matches these filters.", terminals.Markup));
        Assert.Equal("0", Kpi(overview, "kpi-terminals"));
    }

    [Fact]
    public void The_signed_in_user_is_the_one_the_app_resolves()
    {
        var manager = SignInAsStoreManager("S-A");

        var access = Services.GetRequiredService<CurrentAccess>();

        var user = Wait(access.UserAsync);
        Assert.Equal(manager.UserId, user!.UserId);
        Assert.Equal(Roles.StoreManager, user.Role);
        Assert.False(Wait(access.IsAdministratorAsync));
        Assert.Equal("S-A", Assert.Single(Wait(access.ScopeAsync).Stores));
    }
}
