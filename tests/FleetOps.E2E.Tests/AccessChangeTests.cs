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

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var user = scope.ServiceProvider.GetRequiredService<UserDirectory>().All.Single(u => u.Email == manager.Email);
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().UpdateAsync(user.UserId,
                new UserDraft(user.Email, user.DisplayName, user.Role, [], [other]), E2EApp.AdminEmail);
            Assert.True(result.Succeeded);
        }

        // Nobody touches the page: it is loaded again with the new stores, where this store is not there.
        await Expect(page.Locator("[data-testid=not-found]")).ToBeVisibleAsync(new() { Timeout = PageExtensions.LiveTimeoutMs });
        await Expect(page.Locator("[data-testid=emergency-plan]")).ToHaveCountAsync(0);
        // And the store they were given is theirs without signing in again.
        await page.OpenLiveAsync($"stores/{other}/emergency-plan");
        await Expect(page.Locator("[data-testid=plan-edit]")).ToBeVisibleAsync();
    }
}
