using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Access;

/// <summary>Every answer carries the security headers, pages and API errors alike.</summary>
public sealed class SecurityHeadersTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/")]
    [InlineData("/api/v1/terminals")]
    [InlineData("/export/terminals.csv")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task Response_carries_nosniff_deny_framing_and_a_referrer_policy(string path)
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() is { Length: > 0 },
            "Referrer-Policy missing");
    }

    [Fact]
    public async Task Sign_in_page_forbids_framing_and_foreign_scripts()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/account/signin");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_https_endpoint_plain_http_is_served_as_it_is()
    {
        using var client = app.CreateAnonymousClient();

        using var response = await client.GetAsync("/account/signin");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData("http", false)] // a Secure cookie over plain http would be dropped: the demo on 127.0.0.1 must still sign in
    public async Task Anti_forgery_and_sign_in_cookies_are_secure_over_https_and_never_readable_by_scripts(string scheme, bool secure)
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        using var browser = app.CreateBrowser();
        browser.BaseAddress = new Uri($"{scheme}://localhost");

        using var page = await browser.GetAsync("/account/signin");
        using var signedIn = await browser.PostSignInAsync(user.Email, user.Password);

        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Browser.AuthCookie, StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgery, session })
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            Assert.Equal(secure, attributes.Contains("secure"));
            Assert.Contains("httponly", attributes);
            Assert.Contains(attributes, a => a.StartsWith("samesite=", StringComparison.Ordinal));
        }
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
    }
}
