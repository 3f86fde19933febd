using System.Net;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// An app configured to listen on HTTPS. The test server does not listen anywhere: the settings are what the app reads
/// to decide on HSTS and the redirect, and <c>https_port</c> is where the redirect points.
/// </summary>
public sealed class HttpsApp() : FleetOpsApp(new FleetOpsAppOptions
{
    Settings = new Dictionary<string, string?> { ["urls"] = "https://0.0.0.0:5443", ["https_port"] = "5443" },
});

/// <summary>A server with an HTTPS endpoint sends browsers there and tells them to stay.</summary>
public sealed class HttpsTests(HttpsApp app) : IClassFixture<HttpsApp>
{
    // Not localhost: HSTS is never sent for localhost names (a developer's browser would refuse http://localhost afterwards).
    private const string Site = "fleetops.example";

    [Fact]
    public async Task Https_answers_tell_the_browser_to_use_only_https()
    {
        using var browser = app.CreateBrowser();
        browser.BaseAddress = new Uri($"https://{Site}");

        using var response = await browser.GetAsync("/account/signin");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Contains("max-age=", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_is_sent_to_https()
    {
        using var browser = app.CreateBrowser();
        browser.BaseAddress = new Uri($"http://{Site}");

        using var response = await browser.GetAsync("/account/signin?returnUrl=%2Fterminals");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://{Site}:5443/account/signin?returnUrl=%2Fterminals", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is only sent over HTTPS");
    }
}
