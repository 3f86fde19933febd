using System.Text.RegularExpressions;
using FleetOps.E2E.Tests.Infrastructure;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>Disabling a user signs them out of the pages they have open, at once, without them doing anything.</summary>
[Collection(E2ECollection.Name)]
public sealed partial class DisabledUserTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [GeneratedRegex("/account/signin")]
    private static partial Regex SignInPage();

    [Fact]
    public async Task An_open_page_of_a_user_who_is_disabled_goes_to_sign_in_by_itself()
    {
        var store = await fixture.Api.CreateStoreAsync();
        var manager = await fixture.CreateUserAsync(Roles.StoreManager, stores: [store]);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(manager);
        await page.OpenLiveAsync("terminals");

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserDirectory>();
            var id = users.All.Single(u => u.Email == manager.Email).UserId;
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetDisabledAsync(id, true, E2EApp.AdminEmail);
            Assert.True(result.Succeeded);
        }

        await Expect(page).ToHaveURLAsync(SignInPage(), new() { Timeout = PageExtensions.LiveTimeoutMs });
        // And the door stays shut: signing in again is refused.
        await page.FillAsync("#email", manager.Email);
        await page.FillAsync("#password", manager.Password);
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[data-testid=signin-error]")).ToBeVisibleAsync();
    }
}
