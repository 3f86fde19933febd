using System.Net;
using System.Net.Http.Headers;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>The management API wants an API token; the bootstrap token from the settings is an administrator's.</summary>
public sealed class ManagementAuthenticationTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Request_without_a_token_is_401()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/v1/terminals");

        await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Request_with_a_wrong_token_is_401()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-admin-token");

        using var response = await client.GetAsync("/api/v1/terminals");

        await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Terminal_key_is_not_an_api_token()
    {
        var (_, key) = await app.NewTerminalAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var response = await client.GetAsync("/api/v1/terminals");

        await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Write_without_a_token_is_401_and_changes_nothing()
    {
        using var client = app.CreateClient();
        var code = Ids.New("S");

        using var response = await client.PostAsync("/api/v1/stores",
            JsonContent(new { code, name = "Nope", region = "East", timeZone = "Asia/Shanghai" }));

        await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized);
        using var admin = app.CreateAdminClient();
        var stores = await admin.GetStringAsync("/api/v1/stores");
        Assert.DoesNotContain(code, stores, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_token_is_accepted()
    {
        using var client = app.CreateAdminClient();

        using var response = await client.GetAsync("/api/v1/terminals");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var body = await Expect.JsonObjectAsync(response);
        Assert.NotNull(body["items"]);
        Assert.NotNull(body["total"]);
    }

    private static HttpContent JsonContent(object value) => System.Net.Http.Json.JsonContent.Create(value);
}
