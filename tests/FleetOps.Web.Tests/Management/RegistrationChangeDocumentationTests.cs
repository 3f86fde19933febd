using System.Net;
using System.Text.Json;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>The two change endpoints are in the API reference with their token and the refusals an integrator must handle.</summary>
public sealed class RegistrationChangeDocumentationTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Theory]
    [InlineData("/api/v1/stores/{code}", new[] { "200", "400", "404", "409" })]
    [InlineData("/api/v1/terminals/{terminalId}", new[] { "200", "400", "404", "409" })]
    public async Task Each_change_is_documented_with_its_token_and_refusals(string path, string[] statuses)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var put = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("put");

        Assert.Contains("administrators", put.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(statuses, put.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order());
        Assert.True(put.GetProperty("security")[0].TryGetProperty("apiToken", out _));
    }
}
