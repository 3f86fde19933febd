using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Access;

/// <summary>The sign-in form: cookie session, one answer for every refusal, pauses per address, anti-forgery, same-site return URLs, sign-out.</summary>
public sealed class SignInTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Right_password_signs_in_sends_the_browser_to_the_return_url_and_is_audited()
    {
        var user = await app.CreateUserAsync(Roles.StoreManager, stores: ["NONE"]);
        var address = RemoteAddressFromHeader.NewAddress();
        using var browser = app.CreateBrowser(address);

        await browser.SignInAsync(user, returnUrl: "/terminals?power=unstable");

        await Expect.StatusAsync(await browser.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
        await Expect.StatusAsync(await browser.GetAsync("/terminals"), HttpStatusCode.OK);
        var signIn = Assert.Single(await app.AuditAsync(AuditActions.SignIn), r => r.Target == user.Email);
        Assert.Equal(user.Email, signIn.Actor);
        Assert.Equal(address, signIn.RemoteAddress);
    }

    [Fact]
    public async Task Five_failures_pause_that_address_for_that_account_while_its_owner_still_signs_in_elsewhere()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        var address = RemoteAddressFromHeader.NewAddress();
        using var guesser = app.CreateBrowser(address);

        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await guesser.PostSignInAsync(user.Email, $"Wrong-password-{i}");
            await Expect.StatusAsync(wrong, HttpStatusCode.Redirect);
            // The failure that pauses the pair already says to wait; the ones before only that something is wrong.
            Assert.StartsWith(i < 5 ? "/account/signin?error=invalid" : "/account/signin?error=paused", Browser.LocationOf(wrong), StringComparison.Ordinal);
        }
        using var right = await guesser.PostSignInAsync(user.Email, user.Password);

        // Paused: even the right password fails from this address, told to wait (as an unknown e-mail is, below).
        Assert.StartsWith("/account/signin?error=paused", Browser.LocationOf(right), StringComparison.Ordinal);
        await Expect.StatusAsync(await guesser.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        using var owner = app.CreateBrowser();
        await owner.SignInAsync(user);
        await Expect.StatusAsync(await owner.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
        var failures = (await app.AuditAsync(AuditActions.SignInFailed)).Where(r => r.Target == user.Email).ToList();
        Assert.Equal(6, failures.Count);
        Assert.All(failures, r => Assert.Equal((user.Email, address), (r.Actor, r.RemoteAddress)));
    }

    [Fact]
    public async Task Unknown_email_wrong_password_and_disabled_account_get_the_same_answer_and_are_audited()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        var disabled = await app.CreateUserAsync(Roles.Technician);
        await app.CreateUserAsync(Roles.Administrator); // so that disabling never touches the last administrator
        await app.SetDisabledAsync(disabled, true);
        var unknownEmail = $"{Ids.New("nobody")}@fleetops.test";
        using var browser = app.CreateBrowser();

        using var unknown = await browser.PostSignInAsync(unknownEmail, "Whatever-password-1");
        using var wrong = await browser.PostSignInAsync(user.Email, "Whatever-password-1");
        using var refused = await browser.PostSignInAsync(disabled.Email, disabled.Password);

        var answers = new[] { unknown, wrong, refused };
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.All(answers, a => Assert.Equal("/account/signin?error=invalid&returnUrl=%2F", Browser.LocationOf(a)));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        Assert.Single(await app.AuditAsync(AuditActions.SignInFailed), r => r.Target == unknownEmail);
        using var page = await browser.GetAsync(Browser.LocationOf(unknown));
        Assert.Contains("The e-mail or password is wrong", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_sign_in_keeps_the_email_and_says_it_or_the_password_is_wrong_without_asking_to_wait()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        var unknownEmail = $"{Ids.New("nobody")}@fleetops.test";
        using var browser = app.CreateBrowser();

        using var wrong = await browser.PostSignInAsync(user.Email, "One-typo-1");
        var page = await browser.GetStringAsync(Browser.LocationOf(wrong));
        Assert.Equal(user.Email, Browser.TypedEmail(page));
        Assert.Contains("The e-mail or password is wrong. Check both and try again.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("few minutes", page, StringComparison.Ordinal);

        // An unknown e-mail reads the same, its e-mail kept alike: the page tells nothing about whether the account exists.
        using var unknown = await browser.PostSignInAsync(unknownEmail, "One-typo-1");
        var unknownPage = await browser.GetStringAsync(Browser.LocationOf(unknown));
        Assert.Equal(unknownEmail, Browser.TypedEmail(unknownPage));
        Assert.Contains("The e-mail or password is wrong. Check both and try again.", unknownPage, StringComparison.Ordinal);
        Assert.DoesNotContain("few minutes", unknownPage, StringComparison.Ordinal);

        // Signed in, the e-mail is no longer handed back; a fresh page starts empty.
        await browser.SignInAsync(user);
        Assert.Null(Browser.TypedEmail(await browser.GetStringAsync("/account/signin?error=invalid")));
    }

    [Fact]
    public async Task Only_a_paused_sign_in_is_told_to_wait()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var guesser = app.CreateBrowser();
        for (var i = 1; i <= 4; i++)
        {
            using var _ = await guesser.PostSignInAsync(user.Email, $"Wrong-password-{i}");
        }

        using var pausing = await guesser.PostSignInAsync(user.Email, "Wrong-password-5");

        var page = await guesser.GetStringAsync(Browser.LocationOf(pausing));
        Assert.Contains("signing in from here is paused for a few minutes", page, StringComparison.Ordinal);
        Assert.DoesNotContain("The e-mail or password is wrong", page, StringComparison.Ordinal);
        Assert.Equal(user.Email, Browser.TypedEmail(page));
    }

    [Fact]
    public async Task Unknown_email_is_paused_like_a_real_account_so_the_pause_tells_nothing_either()
    {
        var email = $"{Ids.New("nobody")}@fleetops.test";
        using var guesser = app.CreateBrowser();

        for (var i = 1; i <= 5; i++)
        {
            using var _ = await guesser.PostSignInAsync(email, $"Wrong-password-{i}");
        }
        using var paused = await guesser.PostSignInAsync(email, "Wrong-password-6");

        Assert.StartsWith("/account/signin?error=paused", Browser.LocationOf(paused), StringComparison.Ordinal);
        Assert.Equal("paused for this address", (await app.AuditAsync(AuditActions.SignInFailed)).Last(r => r.Target == email).Details);
    }

    [Fact]
    public async Task Sign_in_post_without_the_antiforgery_token_is_400_and_signs_nobody_in()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = app.CreateBrowser();

        using var response = await browser.PostSignInAsync(user.Email, user.Password, withAntiforgery: false);

        await Expect.StatusAsync(response, HttpStatusCode.BadRequest);
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task Off_site_return_url_sends_the_browser_home_instead(string returnUrl)
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = app.CreateBrowser();

        using var response = await browser.PostSignInAsync(user.Email, user.Password, returnUrl);

        await Expect.StatusAsync(response, HttpStatusCode.Redirect);
        Assert.Equal("/", Browser.LocationOf(response));
    }

    [Theory]
    [InlineData("/account/signout")]
    [InlineData("/Account/SignOut/")]
    [InlineData("/account/signin?returnUrl=%2Fterminals")]
    public async Task Signing_in_never_leads_back_to_signing_in_or_out(string returnUrl)
    {
        // Back after signing out opens the sign-out page, which sends the signed-out browser to sign in with it as the return.
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = app.CreateBrowser();

        using var response = await browser.PostSignInAsync(user.Email, user.Password, returnUrl);

        await Expect.StatusAsync(response, HttpStatusCode.Redirect);
        Assert.Equal("/", Browser.LocationOf(response));
    }

    [Fact]
    public async Task Sign_out_ends_the_cookie_session_and_is_audited()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = await app.SignedInBrowserAsync(user);

        using var response = await browser.PostFormAsync("/account/signout", "/account/signout", []);

        await Expect.StatusAsync(response, HttpStatusCode.Redirect);
        Assert.Equal("/account/signin?signedOut=1", Browser.LocationOf(response));
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        Assert.Single(await app.AuditAsync(AuditActions.SignOut), r => r.Actor == user.Email);
    }

    [Fact]
    public async Task Sign_out_post_without_the_antiforgery_token_is_400_and_keeps_the_session()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = await app.SignedInBrowserAsync(user);

        using var response = await browser.PostFormAsync("/account/signout", "/account/signout", [], withAntiforgery: false);

        await Expect.StatusAsync(response, HttpStatusCode.BadRequest);
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anonymous_page_request_is_sent_to_sign_in_with_the_page_as_return_url()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/stores?region=East");

        Assert.True(Browser.RedirectsToSignIn(response));
        Assert.Contains("ReturnUrl=%2Fstores%3Fregion%3DEast", Browser.LocationOf(response), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_the_demo_a_demo_link_fills_in_nothing()
    {
        using var client = app.CreateClient();

        var page = await client.GetStringAsync("/account/signin?demo=admin%40fleetops.demo");

        Assert.DoesNotContain("FleetOps-demo-2026", page, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-accounts", page, StringComparison.Ordinal);
    }
}

