using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Access;

/// <summary>
/// The tokens API (docs/api.md §2): everyone lists and revokes their own tokens, administrators everyone's, with the rules
/// and audit entries of the tokens pages; nobody sees a secret or another person's tokens without being an administrator.
/// </summary>
public sealed class TokensApiTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static async Task<List<JsonObject>> ListAsync(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync($"/api/v1/tokens{query}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var body = await Expect.JsonObjectAsync(response);
        var items = body["items"]!.AsArray().OfType<JsonObject>().ToList();
        if (!query.Contains("pageSize", StringComparison.Ordinal)) Assert.Equal(items.Count, body["total"]!.GetValue<int>());
        return items;
    }

    private static IEnumerable<string> Names(IEnumerable<JsonObject> tokens) => tokens.Select(t => Expect.Wire(t["name"]));

    [Fact]
    public async Task A_person_lists_their_own_tokens_by_status_and_only_an_administrator_names_someone_else()
    {
        var ana = await app.CreateUserAsync(Roles.StoreManager);
        var ben = await app.CreateUserAsync(Roles.Technician);
        var (_, anaToken) = await app.CreateApiTokenAsync(ana, "till export");
        var (revokedId, _) = await app.CreateApiTokenAsync(ana, "old laptop");
        await app.GetService<ApiTokenDirectory>().RevokeAsync(revokedId, ana.Id, anyOwner: false, revokedBy: ana.Email);
        await app.CreateApiTokenAsync(ben, "calendar sync");
        using var client = app.CreateTokenClient(anaToken);

        var valid = await ListAsync(client);
        Assert.Equal(["till export"], Names(valid));
        Assert.DoesNotContain(valid.SelectMany(t => t.Select(p => p.Key)), k => k is "token" or "hash" or "secret");
        Assert.Equal(["old laptop", "till export"], Names(await ListAsync(client, "?status=all"))); // newest first
        var revoked = Assert.Single(await ListAsync(client, "?status=revoked"));
        Assert.Equal(ana.Email, Expect.Wire(revoked["revokedBy"]));
        Assert.Equal(["till export"], Names(await ListAsync(client, $"?owner={Uri.EscapeDataString(ana.Email.ToUpperInvariant())}")));
        Assert.Equal(["till export"], Names(await ListAsync(client, "?status=all&search=TILL")));

        var forbidden = await Expect.ProblemAsync(await client.GetAsync($"/api/v1/tokens?owner={Uri.EscapeDataString(ben.Email)}"),
            HttpStatusCode.Forbidden);
        Assert.Equal("Only administrators list other people's tokens.", Expect.Wire(forbidden["detail"]));
        await Expect.ProblemAsync(await client.GetAsync("/api/v1/tokens?owner=all"), HttpStatusCode.Forbidden);

        using var admin = app.CreateAdminClient();
        Assert.Empty(await ListAsync(admin)); // the bootstrap token owns none
        Assert.Equal(["calendar sync"], Names(await ListAsync(admin, $"?owner={Uri.EscapeDataString(ben.Email)}")));
        Assert.Equal(["calendar sync"], Names(await ListAsync(admin, $"?owner={ben.Id}")));
        Assert.Equal(["calendar sync"], Names(await ListAsync(admin, $"?owner=all&search={Uri.EscapeDataString(ben.Email)}")));
        Assert.Equal(ben.Email, Expect.Wire(Assert.Single(await ListAsync(admin, $"?owner=all&search={Uri.EscapeDataString(ben.Email)}"))["ownerEmail"]));
        Assert.Equal(["calendar sync"], Names(await ListAsync(admin, $"?owner=ALL&search={Uri.EscapeDataString(ben.Email)}")));
        await Expect.ValidationProblemAsync(await admin.GetAsync("/api/v1/tokens?owner=nobody%40fleetops.test"), "owner");
        Assert.Equal(["till export"], Names(await ListAsync(client, "?owner=ME")));
    }

    [Fact]
    public async Task A_person_revokes_their_own_token_once_and_cannot_see_or_revoke_someone_elses()
    {
        var ana = await app.CreateUserAsync(Roles.StoreManager);
        var ben = await app.CreateUserAsync(Roles.StoreManager);
        var (_, anaToken) = await app.CreateApiTokenAsync(ana, "till export");
        var (spareId, spare) = await app.CreateApiTokenAsync(ana, "spare");
        var (benId, benToken) = await app.CreateApiTokenAsync(ben, "ben's job");
        using var client = app.CreateTokenClient(anaToken);

        var notYours = await Expect.ProblemAsync(await client.GetAsync($"/api/v1/tokens/{benId}"), HttpStatusCode.NotFound);
        Assert.Equal($"There is no API token {benId} that you may see.", Expect.Wire(notYours["detail"]));
        await Expect.ProblemAsync(await client.DeleteAsync($"/api/v1/tokens/{benId}"), HttpStatusCode.NotFound);
        using var benClient = app.CreateTokenClient(benToken);
        await Expect.StatusAsync(await benClient.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);

        using var first = await client.DeleteAsync($"/api/v1/tokens/{spareId}");
        await Expect.StatusAsync(first, HttpStatusCode.OK);
        var answer = await Expect.JsonObjectAsync(first);
        Assert.Equal("revoked", Expect.Wire(answer["status"]));
        Assert.Equal(ana.Email, Expect.Wire(answer["revokedBy"]));
        using var spareClient = app.CreateTokenClient(spare);
        await Expect.ProblemAsync(await spareClient.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);

        using var again = await client.DeleteAsync($"/api/v1/tokens/{spareId}");
        Assert.Equal(answer.ToJsonString(), (await Expect.JsonObjectAsync(again)).ToJsonString());
        var audit = Assert.Single(await app.AuditAsync(AuditActions.TokenRevoked), a => a.Target == $"spare ({spare[..10]}…)");
        Assert.Equal(ana.Email, audit.Actor);
        Assert.Null(audit.Details);

        await Expect.ProblemAsync(await client.DeleteAsync("/api/v1/tokens/999999"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_administrator_revokes_someone_elses_token_named_with_its_owner_in_the_audit()
    {
        var administrator = await app.CreateUserAsync(Roles.Administrator);
        var owner = await app.CreateUserAsync(Roles.Technician);
        var (_, adminToken) = await app.CreateApiTokenAsync(administrator, "ops scripts");
        var (id, leaked) = await app.CreateApiTokenAsync(owner, "leaked in a ticket");
        using var admin = app.CreateTokenClient(adminToken);

        using var revoked = await admin.DeleteAsync($"/api/v1/tokens/{id}");

        var answer = await Expect.JsonObjectAsync(revoked);
        Assert.Equal("revoked", Expect.Wire(answer["status"]));
        Assert.Equal(administrator.Email, Expect.Wire(answer["revokedBy"]));
        Assert.Equal(owner.Email, Expect.Wire(answer["ownerEmail"]));
        using var leakedClient = app.CreateTokenClient(leaked);
        await Expect.ProblemAsync(await leakedClient.GetAsync("/api/v1/terminals"), HttpStatusCode.Unauthorized);
        var audit = Assert.Single(await app.AuditAsync(AuditActions.TokenRevoked), a => a.Target == $"leaked in a ticket ({leaked[..10]}…)");
        Assert.Equal(administrator.Email, audit.Actor);
        Assert.Equal($"owner {owner.Email}", audit.Details);
        var mine = (await app.GetService<ApiTokenDirectory>().ForUserAsync(owner.Id)).Single();
        Assert.Equal(administrator.Email, mine.RevokedBy); // what the owner's tokens page shows: "by …"
    }

    [Fact]
    public async Task An_administrator_revoking_a_token_its_script_rotated_meanwhile_is_told_which_token_replaced_it()
    {
        var administrator = await app.CreateUserAsync(Roles.Administrator);
        var owner = await app.CreateUserAsync(Roles.StoreManager);
        var (_, adminToken) = await app.CreateApiTokenAsync(administrator, "ops scripts");
        var (id, leaked) = await app.CreateApiTokenAsync(owner, "leaked nightly export", TimeSpan.FromDays(30));
        using var script = app.CreateTokenClient(leaked);
        using var rotated = await script.PostAsync("/api/v1/tokens/current/rotate", null);
        var successor = (await Expect.JsonObjectAsync(rotated))["id"]!.GetValue<int>();
        using var admin = app.CreateTokenClient(adminToken);

        using var revoked = await admin.DeleteAsync($"/api/v1/tokens/{id}");

        var answer = await Expect.JsonObjectAsync(revoked);
        Assert.Equal("revoked", Expect.Wire(answer["status"]));
        Assert.Equal(owner.Email, Expect.Wire(answer["revokedBy"])); // the rotation revoked it, not this call
        Assert.Equal(successor, answer["replacedBy"]!.GetValue<int>()); // the one to revoke to stop the script
        Assert.DoesNotContain(await app.AuditAsync(AuditActions.TokenRevoked), a => a.Target == $"leaked nightly export ({leaked[..10]}…)");
        using var stopped = await admin.DeleteAsync($"/api/v1/tokens/{successor}");
        var last = await Expect.JsonObjectAsync(stopped);
        Assert.Equal(administrator.Email, Expect.Wire(last["revokedBy"]));
        Assert.Null(last["replacedBy"]);
    }
}
