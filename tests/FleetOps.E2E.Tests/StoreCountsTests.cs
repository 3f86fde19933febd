using FleetOps.E2E.Tests.Infrastructure;
using FleetOps.Web.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// A store's counts open its own terminal list filtered to what they count, in a real browser on a phone, where the list
/// is several screens below the counts: the card must filter the list and bring it into view, not change it out of sight.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class StoreCountsTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task On_a_phone_the_never_heard_from_count_filters_the_stores_list_below_and_brings_it_into_view()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var (heard, silent) = (FleetOpsClient.NewId("TH"), FleetOpsClient.NewId("TS"));
        await api.HeartbeatAsync(heard, await api.RegisterTerminalAsync(heard, store));
        await api.RegisterTerminalAsync(silent, store); // registered, never installed
        var page = await OpenOnPhoneAsync(store);
        var grid = page.Locator("[data-testid=terminal-grid]");
        await Expect(grid).ToContainTextAsync(heard);
        await Expect(grid).Not.ToBeInViewportAsync();

        await page.Locator("[data-testid=store-unknown]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?connectivity=unknown#store-terminals$"));
        await Expect(grid.Locator("a.fo-id")).ToHaveTextAsync([silent]);
        await Expect(page.Locator("#store-terminals")).ToBeInViewportAsync();
    }

    /// <summary>
    /// "Outdated software" counts outdated and unsupported tills, where the terminal list filters by one status: it opens
    /// the software page for the store instead, at its list of terminals behind their target.
    /// </summary>
    [Fact]
    public async Task On_a_phone_the_outdated_software_count_opens_the_stores_terminals_behind_their_target()
    {
        var api = fixture.Api;
        var store = await api.CreateStoreAsync();
        var model = "M" + FleetOpsClient.Letters(8).ToUpperInvariant();
        var behind = FleetOpsClient.NewId("TB");
        await api.HeartbeatAsync(behind, await api.RegisterTerminalAsync(behind, store, model)); // app 3.2.1
        await api.SetSoftwareTargetAsync(model, "3.3.0", "1.8.0");
        var page = await OpenOnPhoneAsync(store);
        var card = page.Locator("[data-testid=store-outdated]");
        await Expect(card.Locator(".kpi-value")).ToHaveTextAsync("1");

        await card.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"software\?store={store}#software-behind$"));
        await Expect(page.Locator("[data-testid=software-behind-list] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator($"[data-testid=behind-{behind}]")).ToBeInViewportAsync();
    }

    /// <summary>The store's page, live, on a 390×844 phone of the store's manager.</summary>
    private async Task<IPage> OpenOnPhoneAsync(string store)
    {
        var manager = await fixture.CreateUserAsync(Roles.StoreManager, stores: [store]);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(manager);
        await page.OpenReadyAsync($"stores/{Uri.EscapeDataString(store)}", live: true);
        return page;
    }
}
