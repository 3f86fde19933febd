using System.Net;
using System.Net.Http.Json;
using System.Text;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>POST /api/v1/stores.</summary>
public sealed class StoreApiTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task New_store_is_201()
    {
        using var client = app.CreateAdminClient();
        var code = Ids.New("S");

        using var response = await client.PostAsJsonAsync("/api/v1/stores", new { code, name = "Xuhui", region = "East", timeZone = "Asia/Shanghai" });

        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var body = await Expect.JsonObjectAsync(response);
        Assert.Equal(code, Expect.Wire(body["code"]));
        Assert.Equal("Asia/Shanghai", Expect.Wire(body["timeZone"]));
    }

    [Fact]
    public async Task Store_with_an_existing_code_is_409()
    {
        var code = await app.CreateStoreAsync(Ids.New("S"));
        using var client = app.CreateAdminClient();

        using var response = await client.PostAsJsonAsync("/api/v1/stores", new { code, name = "Again", region = "East", timeZone = "Asia/Shanghai" });

        await Expect.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Store_code_differing_only_in_letter_case_is_409()
    {
        var code = await app.CreateStoreAsync(Ids.New("S").ToUpperInvariant());
        using var client = app.CreateAdminClient();

        using var response = await client.PostAsJsonAsync("/api/v1/stores", new { code = code.ToLowerInvariant(), name = "Twin", region = "West", timeZone = "Asia/Shanghai" });

        await Expect.ProblemAsync(response, HttpStatusCode.Conflict);
        var stores = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/stores");
        var matching = stores!["items"]!.AsArray().Where(s => string.Equals(Expect.Wire(s!["code"]), code, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(code, Expect.Wire(Assert.Single(matching)!["code"]));
    }

    [Theory]
    [InlineData("code")]
    [InlineData("name")]
    [InlineData("region")]
    [InlineData("timeZone")]
    public async Task Store_without_a_required_field_is_a_400_validation_problem(string missing)
    {
        using var client = app.CreateAdminClient();
        var fields = new Dictionary<string, string>
        {
            ["code"] = Ids.New("S"), ["name"] = "Xuhui", ["region"] = "East", ["timeZone"] = "Asia/Shanghai",
        };
        fields.Remove(missing);

        using var response = await client.PostAsJsonAsync("/api/v1/stores", fields);

        await Expect.ValidationProblemAsync(response, missing);
    }

    [Fact]
    public async Task Store_with_an_unknown_time_zone_is_a_400_validation_problem()
    {
        using var client = app.CreateAdminClient();

        using var response = await client.PostAsJsonAsync("/api/v1/stores", new { code = Ids.New("S"), name = "Xuhui", region = "East", timeZone = "Mars/Olympus_Mons" });

        await Expect.ValidationProblemAsync(response, "timeZone");
    }

    [Fact]
    public async Task Store_code_with_characters_outside_the_identifier_set_is_a_400_validation_problem()
    {
        using var client = app.CreateAdminClient();

        using var response = await client.PostAsJsonAsync("/api/v1/stores", new { code = "SH 001/<b>", name = "Xuhui", region = "East", timeZone = "Asia/Shanghai" });

        await Expect.ValidationProblemAsync(response, "code");
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        using var client = app.CreateAdminClient();

        using var response = await client.PostAsync("/api/v1/stores", new StringContent("{\"code\": \"S-1\", \"name\": ", Encoding.UTF8, "application/json"));

        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
