using FleetOps.E2E.Tests.Infrastructure;
using FleetOps.Web.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

[Collection(E2ECollection.Name)]
public sealed class StoreManagerTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    public const string ScreenshotPath = E2EApp.Folder + "/store-manager.png";

    /// <summary>
    /// The required test: sign in as a store manager, see only that store's terminals; sign out.
    /// </summary>
    [Fact]
    public async Task A_store_manager_sees_only_their_stores_terminals_and_can_sign_out()
    {
        var api = fixture.Api;
        var storeA = await api.CreateStoreAsync();
        var storeB = await api.CreateStoreAsync();
        string[] terminalsA = [FleetOpsClient.NewId("TA"), FleetOpsClient.NewId("TA")];
        string[] terminalsB = [FleetOpsClient.NewId("TB"), FleetOpsClient.NewId("TB")];
        var keys = new Dictionary<string, string>();
        foreach (var (id, store) in terminalsA.Select(id => (id, storeA)).Concat(terminalsB.Select(id => (id, storeB))))
        {
            keys[id] = await api.RegisterTerminalAsync(id, store);
            await api.HeartbeatAsync(id, keys[id]);
        }
        var manager = await fixture.CreateUserAsync(Roles.StoreManager, stores: [storeA]);

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(manager);

        // The terminals page: store A's terminals (online, or offline once E2EApp.OfflineAfterSeconds have passed), nothing of store B.
        await page.OpenLiveAsync("terminals");
        var chips = page.Locator("[data-testid^=connectivity-]");
        foreach (var id in terminalsA)
        {
            await Expect(page.Locator($"[data-testid=connectivity-{id}]")).ToBeVisibleAsync();
        }
        await Expect(chips).ToHaveCountAsync(terminalsA.Length);
        foreach (var id in terminalsB)
        {
            await Expect(page.Locator($"[data-testid=connectivity-{id}]")).ToHaveCountAsync(0);
        }

        // Live: both stores' terminals report again, B's first; A's show online in the open grid, B's never appear.
        foreach (var id in terminalsB.Concat(terminalsA)) await api.HeartbeatAsync(id, keys[id]);
        foreach (var id in terminalsA)
        {
            await Expect(page.Locator($"[data-testid=connectivity-{id}]"))
                .ToHaveAttributeAsync("data-connectivity", "online", new() { Timeout = PageExtensions.LiveTimeoutMs });
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
        await Expect(chips).ToHaveCountAsync(terminalsA.Length);
        var grid = page.Locator("[data-testid=terminal-grid]");
        await Expect(grid).ToContainTextAsync(storeA);
        await Expect(grid).Not.ToContainTextAsync(storeB);
        foreach (var id in terminalsB) await Expect(grid).Not.ToContainTextAsync(id);

        // Searching for one of store B's terminals by its id finds no row.
        await page.Locator("input[data-testid=terminal-search], [data-testid=terminal-search] input").First.FillAsync(terminalsB[0]);
        await Expect(grid).ToContainTextAsync("No terminal matches these filters.");
        await Expect(chips).ToHaveCountAsync(0);

        // Store B's terminal and store B itself look like pages that do not exist.
        await page.OpenLiveAsync($"terminals/{Uri.EscapeDataString(terminalsB[0])}");
        await Expect(page.Locator("[data-testid=not-found]")).ToContainTextAsync("No such terminal here.");
        await page.OpenLiveAsync($"stores/{Uri.EscapeDataString(storeB)}");
        await Expect(page.Locator("[data-testid=not-found]")).ToContainTextAsync("No such store here.");

        // Sign out through the user menu, with the mouse, as a person would: the confirmation page, then the sign-in page.
        await page.Locator("[data-testid=user-menu] .mud-menu-activator").ClickAsync();
        var signOut = page.Locator("[data-testid=signout]");
        try
        {
            await Expect(signOut).ToBeVisibleAsync(new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            Assert.Fail("The user menu does not open when its chip is clicked. In MudBlazor 9 a MudMenu's ActivatorContent is not wired "
                + "by the menu: UserMenu.razor must call the context's ToggleAsync (e.g. OnClick=\"@context.ToggleAsync\" on the chip).");
        }
        await signOut.ClickAsync();
        await page.Locator("[data-testid=signout-confirm]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin"));
        await Expect(page.Locator("#email")).ToBeVisibleAsync();
        await Expect(page.GetByText("You are signed out, in every browser and on every device.")).ToBeVisibleAsync();

        // Signed out means signed out: the terminals page sends the browser to sign in again.
        await page.GotoAsync("terminals");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin"));
        await Expect(page.Locator("#email")).ToBeVisibleAsync();
        await Expect(chips).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
