using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// A script renews its own API token (docs/api.md §2): it reads when its token expires, rotates it in the week before, and
/// from then on only the new one works — on every node, its old hub connections closed, the rotation audited. Sign-in
/// sessions and the bootstrap token are not API tokens and are told so.
/// </summary>
public sealed class TokenRotationApiTests(TokenClockApp app) : IClassFixture<TokenClockApp>
{
    private FakeTimeProvider Clock => app.Clock!;

    private static DateTimeOffset? Instant(JsonNode? node) =>
        node is null ? null : DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);

    private static async Task<JsonObject> CurrentAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/tokens/current");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }

    [Fact]
    public async Task A_script_reads_its_expiry_rotates_in_the_last_week_and_only_the_new_token_works()
    {
        var user = await app.CreateUserAsync(Roles.StoreManager);
        var (oldId, oldToken) = await app.CreateApiTokenAsync(user, "nightly export", TimeSpan.FromDays(30));
        using var script = app.CreateTokenClient(oldToken);

        var current = await CurrentAsync(script);
        Assert.Equal(["id", "name", "prefix", "ownerId", "ownerEmail", "createdAt", "expiresAt", "status", "revokedAt", "revokedBy", "replacedBy"],
            current.Select(p => p.Key));
        Assert.Equal(oldId, current["id"]!.GetValue<int>());
        Assert.Equal("nightly export", Expect.Wire(current["name"]));
        Assert.Equal(oldToken[..10], Expect.Wire(current["prefix"]));
        Assert.Equal(user.Email, Expect.Wire(current["ownerEmail"]));
        Assert.Equal("active", Expect.Wire(current["status"]));
        Assert.Null(current["replacedBy"]);
        var madeAt = Instant(current["createdAt"])!.Value;
        Assert.Equal(madeAt + TimeSpan.FromDays(30), Instant(current["expiresAt"]));

        Clock.JumpBy(TimeSpan.FromDays(25));
        Assert.Equal("expires_soon", Expect.Wire((await CurrentAsync(script))["status"]));

        using var rotated = await script.PostAsync("/api/v1/tokens/current/rotate", null);
        await Expect.StatusAsync(rotated, HttpStatusCode.Created);
        var answer = await Expect.JsonObjectAsync(rotated);
        var newId = answer["id"]!.GetValue<int>();
        var newToken = Expect.Wire(answer["token"]);
        Assert.Equal($"/api/v1/tokens/{newId}", rotated.Headers.Location?.OriginalString);
        Assert.Equal(oldId, answer["replaces"]!.GetValue<int>());
        Assert.Equal("nightly export", Expect.Wire(answer["name"]));
        Assert.StartsWith("fo_", newToken, StringComparison.Ordinal);
        Assert.NotEqual(oldToken, newToken);
        Assert.Equal(newToken[..10], Expect.Wire(answer["prefix"]));
        var newMadeAt = Instant(answer["createdAt"])!.Value;
        Assert.Equal(newMadeAt + TimeSpan.FromDays(30), Instant(answer["expiresAt"])); // as long as the old one was made to last
        Assert.True(newMadeAt >= madeAt + TimeSpan.FromDays(25));

        var refused = await Expect.ProblemAsync(await script.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        Assert.Equal("Unknown or revoked API token.", Expect.Wire(refused["detail"]));
        await Expect.StatusAsync(await script.PostAsync("/api/v1/tokens/current/rotate", null), HttpStatusCode.Unauthorized);

        using var renewed = app.CreateTokenClient(newToken);
        var now = await CurrentAsync(renewed);
        Assert.Equal(newId, now["id"]!.GetValue<int>());
        Assert.Equal("active", Expect.Wire(now["status"]));
        await Expect.StatusAsync(await renewed.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);

        using var old = await renewed.GetAsync($"/api/v1/tokens/{oldId}");
        var oldRow = await Expect.JsonObjectAsync(old);
        Assert.Equal("revoked", Expect.Wire(oldRow["status"]));
        Assert.Equal(user.Email, Expect.Wire(oldRow["revokedBy"]));
        Assert.Equal(newId, oldRow["replacedBy"]!.GetValue<int>()); // the link from the revoked token to the one that lives on
        Assert.Null(now["replacedBy"]);

        var audit = Assert.Single(await app.AuditAsync(AuditActions.TokenRotated), a => a.Actor == user.Email);
        Assert.Equal($"nightly export ({newToken[..10]}…)", audit.Target);
        var expires = Instant(answer["expiresAt"])!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal($"replaces nightly export ({oldToken[..10]}…); expires {expires} UTC", audit.Details);
    }

    [Fact]
    public async Task A_token_without_expiry_stays_without_and_its_open_hub_connection_closes()
    {
        var user = await app.CreateUserAsync(Roles.Technician);
        var (_, token) = await app.CreateApiTokenAsync(user, "wall screen");
        await using var feed = await HubFeed.StartAsync(app, token);
        using var client = app.CreateTokenClient(token);

        using var rotated = await client.PostAsync("/api/v1/tokens/current/rotate", null);
        await Expect.StatusAsync(rotated, HttpStatusCode.Created);
        var answer = await Expect.JsonObjectAsync(rotated);

        Assert.Null(answer["expiresAt"]);
        await feed.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await using var again = await HubFeed.StartAsync(app, Expect.Wire(answer["token"]));
    }

    [Fact]
    public async Task Five_rotations_of_one_token_at_once_make_one_new_token()
    {
        var user = await app.CreateUserAsync(Roles.StoreManager);
        var (_, token) = await app.CreateApiTokenAsync(user, "retried job", TimeSpan.FromDays(90));
        using var client = app.CreateTokenClient(token);

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostAsync("/api/v1/tokens/current/rotate", null)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        // The others were either let in before the rotation and find it done (409), or came after it (401).
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created),
            a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.Unauthorized }));
        var tokens = await app.GetService<ApiTokenDirectory>().ForUserAsync(user.Id);
        Assert.Equal(2, tokens.Count);
        Assert.Single(tokens, t => t.RevokedAt is null);
        Assert.Single(await app.AuditAsync(AuditActions.TokenRotated), a => a.Actor == user.Email);
        foreach (var answer in answers) answer.Dispose();
    }

    [Fact]
    public async Task Sign_in_sessions_and_the_bootstrap_token_are_not_api_tokens_and_cannot_rotate()
    {
        using var bootstrap = app.CreateAdminClient();
        var none = await Expect.ProblemAsync(await bootstrap.GetAsync("/api/v1/tokens/current"), HttpStatusCode.NotFound);
        Assert.Equal("This request came with the bootstrap token, which is set in the configuration, not an API token.",
            Expect.Wire(none["detail"]));
        var refused = await Expect.ProblemAsync(await bootstrap.PostAsync("/api/v1/tokens/current/rotate", null), HttpStatusCode.Conflict);
        Assert.EndsWith("Only a person's API token rotates itself.", Expect.Wire(refused["detail"]), StringComparison.Ordinal);

        var user = await app.CreateUserAsync(Roles.StoreManager);
        using var browser = await app.SignedInBrowserAsync(user);
        var session = await Expect.ProblemAsync(await browser.GetAsync("/api/v1/tokens/current"), HttpStatusCode.NotFound);
        Assert.Equal("This request came with a sign-in session, not an API token.", Expect.Wire(session["detail"]));
        await Expect.ProblemAsync(await browser.PostAsync("/api/v1/tokens/current/rotate", null), HttpStatusCode.Conflict);

        using var anonymous = app.CreateAnonymousClient();
        await Expect.ProblemAsync(await anonymous.PostAsync("/api/v1/tokens/current/rotate", null), HttpStatusCode.Unauthorized);
        Assert.Empty(await app.GetService<ApiTokenDirectory>().ForUserAsync(user.Id));
    }
}
