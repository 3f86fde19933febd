using System.Text.RegularExpressions;
using FleetOps.E2E.Tests.Infrastructure;
using FleetOps.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace FleetOps.E2E.Tests;

/// <summary>Signing out in one browser closes the pages the same user has open in another, without them doing anything.</summary>
[Collection(E2ECollection.Name)]
public sealed partial class SignedOutSessionTests(E2EFixture fixture) : IClassFixture<E2EFixture>
{
    [GeneratedRegex("/account/signin")]
    private static partial Regex SignInPage();

    [Fact]
    public async Task An_open_page_goes_to_sign_in_when_its_user_signs_out_in_another_browser()
    {
        var store = await fixture.Api.CreateStoreAsync();
        var manager = await fixture.CreateUserAsync(Roles.StoreManager, stores: [store]);
        var office = await fixture.NewPageAsync();
        await office.SignInAsync(manager);
        await office.OpenLiveAsync("terminals");
        var phone = await fixture.NewPageAsync();
        await phone.SignInAsync(manager);

        await phone.GotoAsync("account/signout");
        await phone.Locator("[data-testid=signout-confirm]").ClickAsync();

        await Expect(phone).ToHaveURLAsync(SignInPage());
        await Expect(office).ToHaveURLAsync(SignInPage(), new() { Timeout = PageExtensions.LiveTimeoutMs });
    }
}
