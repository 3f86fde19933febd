using System.Net;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Telemetry;

/// <summary>An app whose terminals may send 1 request per second with a burst of 2.</summary>
public sealed class RateLimitedApp() : FleetOpsApp(new FleetOpsAppOptions
{
    Settings = new Dictionary<string, string?>
    {
        ["FleetOps:RateLimits:TelemetryRequestsPerSecond"] = "1",
        ["FleetOps:RateLimits:TelemetryBurst"] = "2",
    },
});

public sealed class TelemetryRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Request_over_the_burst_is_429_with_retry_after_and_stores_nothing()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;

        for (var i = 1; i <= 2; i++)
        {
            using var allowed = await app.PostTelemetryAsync(key, terminal, Heartbeat($"hb-{i}", now.AddSeconds(-10 + i)));
            await Expect.StatusAsync(allowed, HttpStatusCode.OK);
        }
        var rowsBefore = await app.StoredEventsAsync(terminal);

        // The bucket gains one token per second, so the third request gets 429 unless a refill fell between the
        // requests; then the fourth does (four requests inside a second can take at most three tokens).
        HttpResponseMessage? limited = null;
        for (var i = 3; i <= 4 && limited is null; i++)
        {
            var response = await app.PostTelemetryAsync(key, terminal, Heartbeat($"hb-{i}", now.AddSeconds(-10 + i)));
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else response.Dispose();
        }

        Assert.NotNull(limited);
        using (limited)
        {
            await Expect.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
            var retryAfter = limited.Headers.RetryAfter;
            Assert.NotNull(retryAfter);
            Assert.True(retryAfter.Delta is { } delta && delta >= TimeSpan.FromSeconds(1) || retryAfter.Date is not null, $"Retry-After: {retryAfter}");
        }
        Assert.True(await app.StoredEventsAsync(terminal) <= rowsBefore + 1);
    }

    [Fact]
    public async Task Rate_limit_of_one_terminal_does_not_hold_back_another()
    {
        var (busy, busyKey) = await app.NewTerminalAsync();
        var (quiet, quietKey) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 4; i++)
        {
            using var _ = await app.PostTelemetryAsync(busyKey, busy, Heartbeat($"hb-{i}", now.AddSeconds(-10 + i)));
        }

        using var response = await app.PostTelemetryAsync(quietKey, quiet, Heartbeat("hb-1", now.AddSeconds(-1)));

        await Expect.StatusAsync(response, HttpStatusCode.OK);
    }
}
