using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Core.Fleet;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>PUT /api/v1/stores/{code}: an administrator changes a store's name, region and time zone; the code stays.</summary>
public sealed class StoreUpdateTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static async Task<JsonObject> StoreInListAsync(HttpClient client, string code)
    {
        var stores = await client.GetFromJsonAsync<JsonObject>("/api/v1/stores");
        return stores!["items"]!.AsArray().Single(s => Expect.Wire(s!["code"]) == code)!.AsObject();
    }

    [Fact]
    public async Task A_changed_store_is_listed_changed_and_audited_with_old_and_new_values()
    {
        var code = await app.CreateStoreAsync(Ids.New("S"));
        var administrator = await app.CreateUserAsync(Roles.Administrator);
        using var client = app.CreateTokenClient((await app.CreateApiTokenAsync(administrator)).Token);

        using var response = await client.PutAsJsonAsync($"/api/v1/stores/{code.ToLowerInvariant()}", new { name = "Jing'an", region = "North", timeZone = "Asia/Tokyo" });

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var listed = await StoreInListAsync(client, code);
        Assert.Equal(("Jing'an", "North", "Asia/Tokyo"), (Expect.Wire(listed["name"]), Expect.Wire(listed["region"]), Expect.Wire(listed["timeZone"])));
        var audit = Assert.Single(await app.AuditAsync(AuditActions.StoreChanged), a => a.Target == code);
        Assert.Equal(administrator.Email, audit.Actor);
        Assert.Contains($"name Store {code} → Jing'an", audit.Details);
        Assert.Contains("region East → North", audit.Details);
        Assert.Contains("time zone Asia/Shanghai → Asia/Tokyo", audit.Details);
    }

    public static TheoryData<string, object> BadBodies => new()
    {
        { "name", new { name = "", region = "East", timeZone = "Asia/Shanghai" } },
        { "name", new { name = "Till 4111 1111 1111 1111", region = "East", timeZone = "Asia/Shanghai" } },
        { "region", new { name = "Xuhui", region = (string?)null, timeZone = "Asia/Shanghai" } },
        { "timeZone", new { name = "Xuhui", region = "East", timeZone = "Mars/Olympus_Mons" } },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_fields_are_a_400_naming_the_field_and_nothing_changes(string field, object body)
    {
        var code = await app.CreateStoreAsync(Ids.New("S"));
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/stores/{code}", body);

        await Expect.ValidationProblemAsync(response, field);
        Assert.Equal(new StoreInfo(code, $"Store {code}", "East", "Asia/Shanghai"), app.GetService<StoreDirectory>().Get(code));
        Assert.Equal($"Store {code}", Expect.Wire((await StoreInListAsync(client, code))["name"]));
        Assert.DoesNotContain(await app.AuditAsync(AuditActions.StoreChanged), a => a.Target == code);
    }

    [Fact]
    public async Task An_unknown_store_is_404()
    {
        using var client = app.CreateAdminClient();

        using var response = await client.PutAsJsonAsync($"/api/v1/stores/{Ids.New("NOPE")}", new { name = "X", region = "East", timeZone = "Asia/Shanghai" });

        await Expect.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_store_manager_is_refused_and_nothing_changes()
    {
        var code = await app.CreateStoreAsync(Ids.New("S"));
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [code]);
        var (_, token) = await app.CreateApiTokenAsync(manager);
        using var client = app.CreateTokenClient(token);

        using var response = await client.PutAsJsonAsync($"/api/v1/stores/{code}", new { name = "Mine now", region = "East", timeZone = "Asia/Shanghai" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal($"Store {code}", app.GetService<StoreDirectory>().Get(code)!.Name);
    }
}
