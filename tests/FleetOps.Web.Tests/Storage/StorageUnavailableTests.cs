using System.Net;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Storage;

/// <summary>
/// When the database refuses the write, the terminal is told to come back later (503 with Retry-After),
/// nothing is acknowledged, and the in-memory fleet does not run ahead of the database.
/// </summary>
public sealed class StorageUnavailableTests : IAsyncLifetime
{
    private readonly FleetOpsApp _app = new();

    [Fact]
    public async Task Database_refusing_writes_gives_503_with_retry_after_and_leaves_the_fleet_unchanged()
    {
        var (terminal, key) = await _app.NewTerminalAsync(await _app.DefaultStoreAsync());
        var before = await _app.GetTerminalAsync(terminal);

        // Simulate a storage failure the writer cannot get past: the heartbeats' roll-up table disappears under it.
        await using (var connection = new SqliteConnection(_app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE \"HeartbeatHours\"";
            await drop.ExecuteNonQueryAsync();
        }

        using var response = await _app.PostTelemetryAsync(key, terminal, Heartbeat("hb-1", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter is not null, "503 must carry Retry-After");
        var after = await _app.GetTerminalAsync(terminal);
        Assert.Equal(before["connectivity"]!.GetValue<string>(), after["connectivity"]!.GetValue<string>());
        Assert.Null(after["appVersion"]?.GetValue<string>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The human-readable API reference is served by the app itself (no CDN), without signing in.</summary>
public sealed class ApiReferenceTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Api_reference_page_is_served_and_points_at_the_openapi_document()
    {
        using var client = app.CreateClient();
        using var page = await client.GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("FleetOps API", html);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        using var script = await client.GetAsync("/api/reference/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
