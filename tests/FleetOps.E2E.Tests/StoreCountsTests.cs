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
        var manager = await fixture.CreateUserAsync(Roles.StoreManager, stores: [store]);

        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(manager);
        await page.OpenReadyAsync($"stores/{Uri.EscapeDataString(store)}", live: true);
        var grid = page.Locator("[data-testid=terminal-grid]");
        await Expect(grid).ToContainTextAsync(heard);
        await Expect(grid).Not.ToBeInViewportAsync();

        await page.Locator("[data-testid=store-unknown]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?connectivity=unknown#store-terminals$"));
        await Expect(grid.Locator("a.fo-id")).ToHaveTextAsync([silent]);
        await Expect(page.Locator("#store-terminals")).ToBeInViewportAsync();
    }
}
