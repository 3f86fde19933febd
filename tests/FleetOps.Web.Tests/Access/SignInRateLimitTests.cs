using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Access;

/// <summary>An app that allows 3 sign-in attempts per minute from one address.</summary>
public sealed class SignInLimitedApp() : FleetOpsApp(new FleetOpsAppOptions
{
    Settings = new Dictionary<string, string?> { ["FleetOps:RateLimits:SignInPerMinute"] = "3" },
});

public sealed class SignInRateLimitTests(SignInLimitedApp app) : IClassFixture<SignInLimitedApp>
{
    /// <summary>
    /// A person at a browser, not only a script: the refusal is the sign-in page again, in their language, with the e-mail
    /// typed (an outside tester got the rate limiter's bare 429, an empty page). Retry-After still says when.
    /// </summary>
    [Fact]
    public async Task Fourth_sign_in_post_from_one_address_within_a_minute_is_sent_back_to_the_sign_in_page_told_to_wait_a_minute()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = app.CreateBrowser();
        for (var i = 1; i <= 3; i++)
        {
            using var allowed = await browser.PostSignInAsync(user.Email, $"Wrong-password-{i}");
            await Expect.StatusAsync(allowed, HttpStatusCode.Redirect);
        }

        using var limited = await browser.PostSignInAsync(user.Email, user.Password, returnUrl: "/alerts");

        await Expect.StatusAsync(limited, HttpStatusCode.Redirect);
        Assert.Equal("/account/signin?error=limited&returnUrl=%2Falerts", Browser.LocationOf(limited));
        Assert.True(limited.Headers.RetryAfter?.Delta is { } wait && wait >= TimeSpan.FromSeconds(1) && wait <= TimeSpan.FromMinutes(1),
            $"Retry-After: {limited.Headers.RetryAfter}");
        var page = await browser.GetStringAsync(Browser.LocationOf(limited));
        Assert.Contains("Too many sign-in attempts from your address in the last minute. Wait a minute, then try again.", page, StringComparison.Ordinal);
        Assert.Equal(user.Email, Browser.TypedEmail(page));
        Assert.Contains("value=\"/alerts\"", page, StringComparison.Ordinal);
        using var chinese = new HttpRequestMessage(HttpMethod.Get, Browser.LocationOf(limited)) { Headers = { { "Accept-Language", "zh-CN" } } };
        using var chinesePage = await browser.SendAsync(chinese);
        Assert.Contains("您当前地址在一分钟内的登录尝试过多。请等待一分钟后再试。",
            WebUtility.HtmlDecode(await chinesePage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
    }

    /// <summary>The rate limiter answers before the endpoint checks the form's token: a post not from the app's own form gets the page, not its e-mail back.</summary>
    [Fact]
    public async Task A_limited_post_without_the_forms_token_gets_the_page_without_its_email()
    {
        using var browser = app.CreateBrowser();
        for (var i = 1; i <= 3; i++)
        {
            using var _ = await browser.PostSignInAsync("someone@fleetops.test", $"Wrong-password-{i}", withAntiforgery: false);
        }

        using var limited = await browser.PostSignInAsync("planted@fleetops.test", "Any-password-1", withAntiforgery: false);

        await Expect.StatusAsync(limited, HttpStatusCode.Redirect);
        var page = await browser.GetStringAsync(Browser.LocationOf(limited));
        Assert.Contains("Wait a minute, then try again.", page, StringComparison.Ordinal);
        Assert.Null(Browser.TypedEmail(page));
    }

    [Fact]
    public async Task Limit_of_one_address_does_not_hold_back_another()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var busy = app.CreateBrowser();
        for (var i = 1; i <= 4; i++)
        {
            using var _ = await busy.PostSignInAsync(user.Email, $"Wrong-password-{i}");
        }
        using var other = app.CreateBrowser();

        await other.SignInAsync(user);
    }

    [Fact]
    public async Task A_paused_address_may_try_again_once_the_pause_has_passed_and_each_further_failure_doubles_the_pause()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var own = FleetOpsApp.Create(new FleetOpsAppOptions { Clock = clock });
        var user = await own.CreateUserAsync(Roles.Technician);
        using var guesser = own.CreateBrowser();
        for (var i = 1; i <= 5; i++)
        {
            using var _ = await guesser.PostSignInAsync(user.Email, $"Wrong-password-{i}");
        }
        await RefusedAsync(guesser, user, user.Password); // paused for 1 minute

        clock.Advance(TimeSpan.FromSeconds(61));
        await RefusedAsync(guesser, user, "Wrong-password-6"); // counted: now paused for 2 minutes
        clock.Advance(TimeSpan.FromSeconds(61));
        await RefusedAsync(guesser, user, user.Password);
        clock.Advance(TimeSpan.FromSeconds(61));

        await guesser.SignInAsync(user);
    }

    private static async Task RefusedAsync(HttpClient browser, TestUser user, string password)
    {
        using var response = await browser.PostSignInAsync(user.Email, password);
        await Expect.StatusAsync(response, HttpStatusCode.Redirect);
        Assert.StartsWith("/account/signin?error=paused", Browser.LocationOf(response), StringComparison.Ordinal);
    }
}
