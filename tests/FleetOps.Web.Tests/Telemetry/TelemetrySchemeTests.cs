using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Telemetry;

/// <summary>
/// Terminal keys and people's credentials open different doors: the telemetry endpoint takes a terminal key and nothing
/// else (docs/api.md §1's 401 bodies, word for word), and a terminal key opens nothing but the telemetry endpoint.
/// </summary>
public sealed class TelemetrySchemeTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private const string MissingKey = "Missing terminal key";
    private const string UnknownKey = "Unknown terminal key";

    [Fact]
    public async Task The_two_401s_keep_their_titles_and_details()
    {
        var (terminal, _) = await app.NewTerminalAsync();

        using var missing = await app.PostTelemetryAsync(null, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow));
        using var unknown = await app.PostTelemetryAsync("tk_not-a-key-anyone-was-given", terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow));

        var missingProblem = await Expect.ProblemAsync(missing, HttpStatusCode.Unauthorized);
        Assert.Equal(MissingKey, Expect.Wire(missingProblem["title"]));
        Assert.Equal("Send 'Authorization: Bearer <terminal key>'.", Expect.Wire(missingProblem["detail"]));
        var unknownProblem = await Expect.ProblemAsync(unknown, HttpStatusCode.Unauthorized);
        Assert.Equal(UnknownKey, Expect.Wire(unknownProblem["title"]));
        Assert.Equal("The key is not valid for any terminal.", Expect.Wire(unknownProblem["detail"]));
    }

    [Fact]
    public async Task A_users_api_token_is_an_unknown_terminal_key_and_stores_nothing()
    {
        var (terminal, _) = await app.NewTerminalAsync();
        var (_, token) = await app.CreateApiTokenAsync(await app.CreateUserAsync(Roles.Administrator));

        using var response = await app.PostTelemetryAsync(token, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow));

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(UnknownKey, Expect.Wire(problem["title"]));
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    [Fact]
    public async Task A_sign_in_cookie_is_no_terminal_key_and_stores_nothing()
    {
        var (terminal, _) = await app.NewTerminalAsync();
        using var browser = await app.SignedInBrowserAsync(await app.CreateUserAsync(Roles.Administrator));

        using var response = await browser.PostAsync("/api/v1/telemetry",
            new StringContent(Batch(terminal, [Heartbeat("hb-1", DateTimeOffset.UtcNow)]), Encoding.UTF8, "application/json"));

        var problem = await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(MissingKey, Expect.Wire(problem["title"]));
        Assert.Equal(0, await app.StoredEventsAsync(terminal));
    }

    [Theory]
    [InlineData("/api/v1/terminals")]
    [InlineData("/api/v1/stores")]
    [InlineData("/api/v1/transactions/unsettled")]
    [InlineData("/api/v1/transactions/unsettled.csv")]
    [InlineData("/api/v1/power/incidents")]
    [InlineData("/export/terminals.csv")]
    public async Task A_terminal_key_is_401_on_the_management_api_and_exports(string path)
    {
        var (_, key) = await app.NewTerminalAsync();
        using var client = app.CreateTokenClient(key);

        using var response = await client.GetAsync(path);

        await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_terminal_key_does_not_sign_anyone_in_to_the_pages()
    {
        var (_, key) = await app.NewTerminalAsync();
        using var client = app.CreateTokenClient(key);

        using var response = await client.GetAsync("/terminals");

        await Expect.StatusAsync(response, HttpStatusCode.Redirect);
        Assert.StartsWith("/account/signin", Browser.LocationOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_terminal_key_is_401_at_the_hub()
    {
        var (_, key) = await app.NewTerminalAsync();
        using var client = app.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hubs/fleet/negotiate?negotiateVersion=1&access_token={Uri.EscapeDataString(key)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
