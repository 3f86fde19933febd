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
}
