using System.Net;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>Health endpoints, the OpenAPI description and the site's static files.</summary>
public sealed class HealthAndDocsTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Liveness_is_200_without_a_token()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/live");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readiness_is_200_and_checks_the_database()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        var report = await app.GetService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"));
        Assert.Equal(HealthStatus.Healthy, Assert.Contains("database", report.Entries).Status);
    }

    [Fact]
    public async Task OpenApi_description_is_served_and_documents_the_telemetry_endpoint()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Contains("/api/v1/telemetry", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_stylesheet_is_served_from_the_repository_web_root()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/css/app.css");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Site_files_are_served_without_static_asset_warnings_in_the_log()
    {
        using var client = app.CreateClient();

        foreach (var path in new[] { "/css/app.css", "/js/fleetops.js", "/favicon.svg", "/_content/MudBlazor/MudBlazor.min.css" })
        {
            using var response = await client.GetAsync(path);
            await Expect.StatusAsync(response, HttpStatusCode.OK);
        }

        Assert.Empty(LogFiles.Containing("not found in the built time manifest"));
    }
}
