using FleetOps.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// An address nothing answers, typed or from an old bookmark: the browser shows the app's frame with "no such page" and
/// the way back to the overview, not the API's problem document (raw JSON in English, as it once was).
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class NotFoundPageTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task A_wrong_address_shows_the_apps_no_such_page_with_its_navigation()
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(E2EFixture.Administrator);

        var response = await page.GotoAsync("admin/no-such-page");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("[data-testid=not-found]")).ToContainTextAsync("No such page here.");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Page not found"));
        await Expect(page.Locator("[data-testid=user-menu-button]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=not-found] a").ClickAsync();
        await Expect(page.Locator("[data-testid=not-found]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
