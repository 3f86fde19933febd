using FleetOps.E2E.Tests.Infrastructure;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>
/// A change of a person's stores takes effect on the pages they have open: an editor opened while they kept the store
/// does not stay able to save it (an outside tester saved a plan of a store taken away six seconds before).
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class AccessChangeTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [Fact]
    public async Task An_open_editor_of_a_store_taken_away_from_its_manager_turns_into_the_not_found_panel_by_itself()
    {
        var kept = await fixture.Api.CreateStoreAsync();
        var other = await fixture.Api.CreateStoreAsync();
        var manager = await fixture.CreateUserAsync(Roles.StoreManager, stores: [kept]);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(manager);
        await page.OpenLiveAsync($"stores/{kept}/emergency-plan");
        await page.ClickAsync("[data-testid=plan-edit]");
        await Expect(page.Locator("[data-testid=plan-edit]")).ToHaveCountAsync(0); // the editor is open

        await ChangeStoresAsync(manager, [other]);

        // Nobody touches the page: it is loaded again with the new stores, where this store is not there.
        await Expect(page.Locator("[data-testid=not-found]")).ToBeVisibleAsync(new() { Timeout = PageExtensions.LiveTimeoutMs });
        await Expect(page.Locator("[data-testid=emergency-plan]")).ToHaveCountAsync(0);
        // And the store they were given is theirs without signing in again.
        await page.OpenLiveAsync($"stores/{other}/emergency-plan");
        await Expect(page.Locator("[data-testid=plan-edit]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Unsaved_edits_when_access_changes_are_asked_about_once_in_the_page_saying_why_and_not_again_by_the_browser()
    {
        var kept = await fixture.Api.CreateStoreAsync();
        var manager = await fixture.CreateUserAsync(Roles.StoreManager, stores: [kept]);
        var page = await fixture.NewPageAsync(locale: "en-US");
        // The browser's own "leave site?" (beforeunload) cannot say why the page goes; before the fix it came on top of the page's question.
        var browserDialogs = new List<string>();
        page.Dialog += async (_, dialog) => { browserDialogs.Add(dialog.Type); await dialog.AcceptAsync(); };
        await page.SignInAsync(manager);
        await page.OpenLiveAsync($"stores/{kept}/emergency-plan");
        await page.ClickAsync("[data-testid=plan-edit]");
        await page.Locator("input[data-testid=field-upsLocation]").FillAsync("Under the checkout");
        await page.Locator("input[data-testid=field-upsLocation]").BlurAsync(); // the form counts it as changed once the field commits
        // The circuit handles a page's events in order: once a later click's render is back, the field's change is in too.
        // Without this the access change could reach the server first, find nothing unsaved and reload without asking.
        var contactFields = page.Locator("input[data-testid^='field-otherContacts']");
        var before = await contactFields.CountAsync();
        await page.ClickAsync("[data-testid=plan-add-contact]");
        await Expect(contactFields).ToHaveCountAsync(before + 2);

        await ChangeStoresAsync(manager, []);

        var question = page.Locator(".mud-dialog");
        await Expect(question).ToContainTextAsync("An administrator changed your role or stores", new() { Timeout = PageExtensions.LiveTimeoutMs });
        await question.Locator("button", new() { HasText = "Discard changes" }).ClickAsync();
        await Expect(page.Locator("[data-testid=not-found]")).ToBeVisibleAsync(new() { Timeout = PageExtensions.LiveTimeoutMs });
        Assert.Empty(browserDialogs);
    }

    private async Task ChangeStoresAsync(E2EUser person, IReadOnlyList<string> stores)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<UserDirectory>().All.Single(u => u.Email == person.Email);
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().UpdateAsync(user.UserId,
            new UserDraft(user.Email, user.DisplayName, user.Role, [], stores), E2EApp.AdminEmail);
        Assert.True(result.Succeeded);
    }
}
