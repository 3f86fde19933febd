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
    [Fact]
    public async Task Fourth_sign_in_post_from_one_address_within_a_minute_is_429_with_retry_after()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = app.CreateBrowser();
        for (var i = 1; i <= 3; i++)
        {
            using var allowed = await browser.PostSignInAsync(user.Email, $"Wrong-password-{i}");
            await Expect.StatusAsync(allowed, HttpStatusCode.Redirect);
        }

        using var limited = await browser.PostSignInAsync(user.Email, user.Password);

        await Expect.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta is { } wait && wait >= TimeSpan.FromSeconds(1) && wait <= TimeSpan.FromMinutes(1),
            $"Retry-After: {limited.Headers.RetryAfter}");
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
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
