using System.Net;
using FleetOps.Web.Fleet;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Telemetry;

/// <summary>Terminal keys on POST /api/v1/telemetry: 401 without a known key, 403 for someone else's terminal or a retired one.</summary>
public sealed class TelemetryAuthenticationTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Missing_authorization_is_401_and_nothing_is_stored()
    {
        var (terminal, _) = await app.NewTerminalAsync();

        using var response = await app.PostTelemetryAsync(null, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow));

        await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Unknown_key_is_401_and_nothing_is_stored()
    {
        var (terminal, _) = await app.NewTerminalAsync();

        using var response = await app.PostTelemetryAsync("tk_not-a-key-anyone-was-given", terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow));

        await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task Admin_api_token_is_not_a_terminal_key()
    {
        var (terminal, _) = await app.NewTerminalAsync();

        using var response = await app.PostTelemetryAsync(FleetOpsApp.AdminToken, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow));

        await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Key_of_one_terminal_used_for_another_is_403_and_nothing_is_stored_for_either()
    {
        var (terminalA, keyA) = await app.NewTerminalAsync();
        var (terminalB, _) = await app.NewTerminalAsync();

        using var response = await app.PostTelemetryAsync(keyA, terminalB, Heartbeat("hb-1", DateTimeOffset.UtcNow));

        await Expect.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.StoredEventsAsync(terminalA));
        Assert.Equal(0, await app.StoredEventsAsync(terminalB));
        Assert.Equal("unknown", Expect.Wire((await app.GetTerminalAsync(terminalA))["connectivity"]));
        Assert.Equal("unknown", Expect.Wire((await app.GetTerminalAsync(terminalB))["connectivity"]));
    }

    [Fact]
    public async Task Decommissioned_terminal_is_403_and_nothing_is_stored()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow.AddSeconds(-5)));
        Assert.True(await app.GetService<FleetRegistry>().DecommissionAsync(terminal));

        using var response = await app.PostTelemetryAsync(key, terminal, Heartbeat("hb-2", DateTimeOffset.UtcNow));

        await Expect.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(1, await app.StoredEventsAsync(terminal));
    }
}
