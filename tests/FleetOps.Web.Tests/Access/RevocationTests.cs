using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static FleetOps.Web.Tests.Infrastructure.TwoRegionFleet;

namespace FleetOps.Web.Tests.Access;

/// <summary>Revoking a token, disabling a user or changing their scope applies on the very next request.</summary>
public sealed class RevocationTests(TwoRegionFleet world) : IClassFixture<TwoRegionFleet>
{
    /// <summary>Issue 8: a revoked token's or disabled user's open hub connection must be closed within 5 s.</summary>
    private static readonly TimeSpan HubCloseLimit = TimeSpan.FromSeconds(5);

    private FleetOpsApp App => world.App;

    [Fact]
    public async Task Revoked_token_is_401_on_the_next_request_and_the_users_other_tokens_still_work()
    {
        var user = await App.CreateUserAsync(Roles.StoreManager, stores: [E1]);
        var (revokedId, revoked) = await App.CreateApiTokenAsync(user, "to revoke");
        var (_, kept) = await App.CreateApiTokenAsync(user, "to keep");
        using var revokedClient = App.CreateTokenClient(revoked);
        using var keptClient = App.CreateTokenClient(kept);
        await Expect.StatusAsync(await revokedClient.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);

        Assert.NotNull(await App.GetService<ApiTokenDirectory>().RevokeAsync(revokedId, user.Id, anyOwner: false, user.Email));

        await Expect.ProblemAsync(await revokedClient.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await revokedClient.GetAsync("/export/terminals.csv"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await keptClient.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_users_token_cannot_be_revoked_by_a_non_administrator()
    {
        var owner = await App.CreateUserAsync(Roles.StoreManager, stores: [E1]);
        var other = await App.CreateUserAsync(Roles.StoreManager, stores: [E1]);
        var (id, token) = await App.CreateApiTokenAsync(owner);

        Assert.Null(await App.GetService<ApiTokenDirectory>().RevokeAsync(id, other.Id, anyOwner: false, other.Email));

        using var client = App.CreateTokenClient(token);
        await Expect.StatusAsync(await client.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disabled_user_is_refused_on_the_next_request_with_their_token_and_with_their_cookie()
    {
        var user = await App.CreateUserAsync(Roles.RegionalManager, regions: ["East"]);
        var (_, token) = await App.CreateApiTokenAsync(user);
        using var tokenClient = App.CreateTokenClient(token);
        using var browser = await App.SignedInBrowserAsync(user);
        await Expect.StatusAsync(await tokenClient.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
        await Expect.StatusAsync(await browser.GetAsync("/terminals"), HttpStatusCode.OK);

        await App.SetDisabledAsync(user, disabled: true);

        await Expect.ProblemAsync(await tokenClient.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await browser.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await browser.GetAsync("/export/terminals.csv"), HttpStatusCode.Unauthorized);
        using var page = await browser.GetAsync("/terminals");
        Assert.True(Browser.RedirectsToSignIn(page), $"{(int)page.StatusCode} {page.Headers.Location}");
        using var freshBrowser = App.CreateBrowser();
        using var again = await freshBrowser.PostSignInAsync(user.Email, user.Password);
        Assert.StartsWith("/account/signin?error=invalid", Browser.LocationOf(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enabled_again_user_token_works_again()
    {
        var user = await App.CreateUserAsync(Roles.Technician, stores: [N1]);
        var (_, token) = await App.CreateApiTokenAsync(user);
        using var client = App.CreateTokenClient(token);
        await App.SetDisabledAsync(user, disabled: true);
        await Expect.StatusAsync(await client.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);

        await App.SetDisabledAsync(user, disabled: false);

        await Expect.StatusAsync(await client.GetAsync($"/api/v1/terminals/{N1A}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoked_tokens_hub_connection_is_closed_and_cannot_reconnect_while_the_users_other_token_stays_connected()
    {
        var user = await App.CreateUserAsync(Roles.StoreManager, stores: [E1]);
        var (revokedId, revoked) = await App.CreateApiTokenAsync(user, "to revoke");
        var (_, kept) = await App.CreateApiTokenAsync(user, "to keep");
        await using var revokedFeed = await HubFeed.StartAsync(App, revoked);
        await using var keptFeed = await HubFeed.StartAsync(App, kept);

        Assert.NotNull(await App.GetService<ApiTokenDirectory>().RevokeAsync(revokedId, user.Id, anyOwner: false, user.Email));

        await revokedFeed.Closed.WaitAsync(HubCloseLimit);
        await AssertRefusedAsync(HubFeed.Connect(App, revoked));
        Assert.False(keptFeed.Closed.IsCompleted);
        Assert.Equal(HubConnectionState.Connected, keptFeed.Connection.State);
    }

    [Fact]
    public async Task Disabled_users_hub_connections_with_token_and_cookie_are_closed_and_cannot_reconnect()
    {
        var user = await App.CreateUserAsync(Roles.StoreManager, stores: [E1]);
        var (_, token) = await App.CreateApiTokenAsync(user);
        var cookie = await App.SignedInCookieAsync(user);
        await using var tokenFeed = await HubFeed.StartAsync(App, token);
        await using var cookieFeed = await HubFeed.StartAsync(App, token: null, cookie);

        await App.SetDisabledAsync(user, disabled: true);

        await Task.WhenAll(tokenFeed.Closed, cookieFeed.Closed).WaitAsync(HubCloseLimit);
        await AssertRefusedAsync(HubFeed.Connect(App, token));
        await AssertRefusedAsync(HubFeed.Connect(App, token: null, cookie));
    }

    [Fact]
    public async Task Role_change_closes_the_users_hub_connection_and_the_client_may_connect_again()
    {
        var user = await App.CreateUserAsync(Roles.Administrator);
        var cookie = await App.SignedInCookieAsync(user);
        await using var feed = await HubFeed.StartAsync(App, token: null, cookie);

        await App.UpdateUserAsync(user, Roles.StoreManager, stores: [E1]);

        await feed.Closed.WaitAsync(HubCloseLimit);
        await using var again = await HubFeed.StartAsync(App, token: null, cookie);
        Assert.Equal(HubConnectionState.Connected, again.Connection.State);
    }

    private static async Task AssertRefusedAsync(HubConnection connection)
    {
        await using (connection)
        {
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        }
    }

    [Fact]
    public async Task Scope_change_applies_to_the_token_on_the_next_request()
    {
        var user = await App.CreateUserAsync(Roles.StoreManager, stores: [E1]);
        var (_, token) = await App.CreateApiTokenAsync(user);
        using var client = App.CreateTokenClient(token);
        await Expect.StatusAsync(await client.GetAsync($"/api/v1/terminals/{E1A}"), HttpStatusCode.OK);

        await App.UpdateUserAsync(user, Roles.StoreManager, stores: [N1]);

        await Expect.StatusAsync(await client.GetAsync($"/api/v1/terminals/{E1A}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await client.GetAsync($"/api/v1/terminals/{N1A}"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Administrator_demoted_to_store_manager_can_no_longer_write_on_the_next_request()
    {
        var user = await App.CreateUserAsync(Roles.Administrator);
        var (_, token) = await App.CreateApiTokenAsync(user);
        using var client = App.CreateTokenClient(token);
        var target = new { appVersion = "3.3.0", firmwareVersion = "1.9.0" };
        await Expect.StatusAsync(await client.PutAsJsonAsync("/api/v1/software/targets/X-DEMOTE", target), HttpStatusCode.OK);

        await App.UpdateUserAsync(user, Roles.StoreManager, stores: [E1]);

        await Expect.ProblemAsync(await client.PutAsJsonAsync("/api/v1/software/targets/X-DEMOTE", target), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await client.GetAsync($"/api/v1/terminals/{N1A}"), HttpStatusCode.NotFound);
    }
}
