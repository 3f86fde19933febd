using System.Globalization;
using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// A token made to last a while stops working by itself at its expiry: the next request is refused with a 401 that says
/// it expired and when (a script that worked yesterday tells its owner why it fails today), an open hub connection made
/// with it is closed, and the owner's token without expiry goes on working.
/// </summary>
public sealed class TokenExpiryTests(TokenClockApp app) : IClassFixture<TokenClockApp>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private FakeTimeProvider Clock => app.Clock!;

    [Fact]
    public async Task An_expired_token_is_401_saying_when_it_expired_and_the_owners_token_without_expiry_still_works()
    {
        var user = await app.CreateUserAsync(Roles.StoreManager);
        var (id, expiring) = await app.CreateApiTokenAsync(user, "nightly export", Lifetime);
        var (_, lasting) = await app.CreateApiTokenAsync(user, "till integration");
        var expiresAt = app.GetService<ApiTokenDirectory>().ExpiryOf(id);
        Assert.Equal(Clock.GetUtcNow() + Lifetime, expiresAt);
        using var expiringClient = app.CreateTokenClient(expiring);
        using var lastingClient = app.CreateTokenClient(lasting);

        Clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        await Expect.StatusAsync(await expiringClient.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);

        Clock.Advance(TimeSpan.FromSeconds(1));
        using var refused = await expiringClient.GetAsync("/api/v1/terminals");
        var problem = await Expect.ProblemAsync(refused, HttpStatusCode.Unauthorized);
        var expected = expiresAt!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Assert.Equal($"This API token expired at {expected}. Create a new one on the API tokens page (/account/tokens).",
            Expect.Wire(problem["detail"]));
        Assert.Contains("error=\"invalid_token\"", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await Expect.StatusAsync(await expiringClient.GetAsync("/export/terminals.csv"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await lastingClient.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_tokens_expiry_is_read_back_from_the_database_as_it_was_made()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        var (id, token) = await app.CreateApiTokenAsync(user, "calendar sync", Lifetime);
        var (neverId, _) = await app.CreateApiTokenAsync(user, "till integration");
        var directory = app.GetService<ApiTokenDirectory>();
        var made = directory.ExpiryOf(id);

        await directory.LoadAsync(); // as a restart reads them

        Assert.Equal(made, directory.ExpiryOf(id));
        Assert.Null(directory.ExpiryOf(neverId));
        Clock.Advance(Lifetime);
        using var client = app.CreateTokenClient(token);
        await Expect.ProblemAsync(await client.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_hub_connection_made_with_a_token_is_closed_at_its_expiry_and_cannot_reconnect()
    {
        var user = await app.CreateUserAsync(Roles.StoreManager);
        var (_, expiring) = await app.CreateApiTokenAsync(user, "wall screen", Lifetime);
        var (_, lasting) = await app.CreateApiTokenAsync(user, "till integration");
        await using var expiringFeed = await HubFeed.StartAsync(app, expiring);
        await using var lastingFeed = await HubFeed.StartAsync(app, lasting);

        Clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.False(expiringFeed.Closed.IsCompleted);
        Clock.Advance(TimeSpan.FromSeconds(1));

        await expiringFeed.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await using var again = HubFeed.Connect(app, expiring);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(HubConnectionState.Connected, lastingFeed.Connection.State);
    }

    [Fact]
    public async Task An_unknown_token_is_401_saying_so_and_a_request_without_one_is_told_what_to_send()
    {
        using var unknown = app.CreateTokenClient("fo_not-a-token-anyone-made");
        var problem = await Expect.ProblemAsync(await unknown.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        Assert.Equal("Unknown or revoked API token.", Expect.Wire(problem["detail"]));

        using var anonymous = app.CreateAnonymousClient();
        var missing = await Expect.ProblemAsync(await anonymous.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        Assert.Equal("Send 'Authorization: Bearer <api token>'.", Expect.Wire(missing["detail"]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(366)]
    public async Task A_lifetime_of_nothing_or_over_a_year_is_refused_and_no_token_is_made(int days)
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        var directory = app.GetService<ApiTokenDirectory>();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => directory.CreateAsync(user.Id, "too long", TimeSpan.FromDays(days)));

        Assert.Empty(await directory.ForUserAsync(user.Id));
    }
}
