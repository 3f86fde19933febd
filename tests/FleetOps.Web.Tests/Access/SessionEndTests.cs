using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.Web.Tests.Access;

/// <summary>Sessions end when they should, and FleetOps cannot be left without an administrator.</summary>
public sealed class SessionEndTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Changing_the_password_ends_the_users_other_sessions_and_copies_of_the_old_cookie_on_their_next_request()
    {
        var user = await app.CreateUserAsync(Roles.StoreManager, stores: ["NONE"]);
        using var laptop = app.CreateBrowser();
        using var copy = await SignInKeepingACopyAsync(laptop, user);
        using var tablet = await app.SignedInBrowserAsync(user);
        await Expect.StatusAsync(await tablet.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);

        using var changed = await laptop.PostFormAsync("/account/password", "/account/password",
            [new("CurrentPassword", user.Password), new("NewPassword", "Another-Secret-2027"), new("ConfirmPassword", "Another-Secret-2027")]);
        Assert.Equal("/account/password?changed=1", Browser.LocationOf(changed));

        await Expect.StatusAsync(await laptop.GetAsync("/api/v1/terminals"), HttpStatusCode.OK); // its fresh cookie
        await Expect.StatusAsync(await tablet.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        await AssertEndedAsync(copy);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_no_longer_works_after_sign_out()
    {
        var user = await app.CreateUserAsync(Roles.StoreManager, stores: ["NONE"]);
        using var browser = app.CreateBrowser();
        using var copy = await SignInKeepingACopyAsync(browser, user);

        using var signedOut = await browser.PostFormAsync("/account/signout", "/account/signout", []);

        Assert.Equal("/account/signin?signedOut=1", Browser.LocationOf(signedOut));
        await AssertEndedAsync(copy);
        Assert.True(Browser.RedirectsToSignIn(await copy.GetAsync("/account/password")));
    }

    [Fact]
    public async Task Signing_out_ends_the_users_sessions_in_other_browsers_too_as_the_sign_out_page_says()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var laptop = await app.SignedInBrowserAsync(user);
        using var tablet = await app.SignedInBrowserAsync(user);
        using var page = await laptop.GetAsync("/account/signout");
        Assert.Contains("every device", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var _ = await laptop.PostFormAsync("/account/signout", "/account/signout", []);

        await Expect.StatusAsync(await tablet.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        await tablet.SignInAsync(user); // and signing in again works
        await Expect.StatusAsync(await tablet.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_browser_whose_session_ended_on_another_device_is_told_why_on_the_sign_in_page_and_a_first_visit_is_not()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var laptop = await app.SignedInBrowserAsync(user);
        using var tablet = await app.SignedInBrowserAsync(user);
        tablet.DefaultRequestHeaders.Add("Accept-Language", "zh-CN");
        using var _ = await laptop.PostFormAsync("/account/signout", "/account/signout", []);

        using var ended = await tablet.GetAsync("/");

        Assert.True(Browser.RedirectsToSignIn(ended));
        Assert.Contains($"reason={IdentitySetup.SessionEndedReason}", Browser.LocationOf(ended), StringComparison.Ordinal);
        Assert.Contains("您已被退出登录（会话已在另一台设备上结束或已被吊销）。", await PageTextAsync(tablet, Browser.LocationOf(ended)), StringComparison.Ordinal);
        Assert.Contains("You were signed out (your session ended on another device or was revoked).",
            await PageTextAsync(laptop, Browser.LocationOf(ended)), StringComparison.Ordinal);

        // The tablet's refused cookie is gone now, and a new browser never had one: plain visits, with nothing to explain.
        using var first = app.CreateBrowser();
        foreach (var browser in new[] { tablet, first })
        {
            using var plain = await browser.GetAsync("/");
            Assert.True(Browser.RedirectsToSignIn(plain));
            Assert.DoesNotContain("reason=", Browser.LocationOf(plain), StringComparison.Ordinal);
            var page = await PageTextAsync(browser, Browser.LocationOf(plain));
            Assert.DoesNotContain("会话已在另一台设备上结束", page, StringComparison.Ordinal);
            Assert.DoesNotContain("signin-session-ended", page, StringComparison.Ordinal);
        }
    }

    private static async Task<string> PageTextAsync(HttpClient browser, string page) =>
        WebUtility.HtmlDecode(await browser.GetStringAsync(page));

    [Fact]
    public async Task The_last_active_administrator_can_be_neither_disabled_nor_demoted()
    {
        // An app of its own, so that exactly one administrator exists.
        await using var own = new FleetOpsApp();
        var admin = await own.CreateUserAsync(Roles.Administrator);
        Assert.Equal(1, own.GetService<UserDirectory>().All.Count(u => u.IsAdministrator));
        await using var scope = own.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var disable = await administration.SetDisabledAsync(admin.Id, true, "test");
        var demote = await administration.UpdateAsync(admin.Id, new UserDraft(admin.Email, "x", Roles.Technician, [], []), "test");

        Assert.False(disable.Succeeded);
        Assert.False(demote.Succeeded);
        Assert.Equal(Roles.Administrator, own.GetService<UserDirectory>().Get(admin.Id)!.Role);
        Assert.False(own.GetService<UserDirectory>().Get(admin.Id)!.Disabled);

        var second = await own.CreateUserAsync(Roles.Administrator);
        Assert.True((await administration.SetDisabledAsync(admin.Id, true, "test")).Succeeded);
        Assert.False((await administration.SetDisabledAsync(second.Id, true, "test")).Succeeded);
    }

    /// <summary>Signs <paramref name="browser"/> in as <paramref name="user"/>; returns a client holding a copy of its cookie (which works).</summary>
    private async Task<HttpClient> SignInKeepingACopyAsync(HttpClient browser, TestUser user)
    {
        using var signedIn = await browser.PostSignInAsync(user.Email, user.Password);
        var copy = app.CreateCookieCopy(signedIn);
        await Expect.StatusAsync(await copy.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
        return copy;
    }

    private static async Task AssertEndedAsync(HttpClient copy)
    {
        await Expect.StatusAsync(await copy.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        Assert.True(Browser.RedirectsToSignIn(await copy.GetAsync("/terminals")));
    }
}
