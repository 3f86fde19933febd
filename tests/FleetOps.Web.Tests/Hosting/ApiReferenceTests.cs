using System.Net;
using System.Text;
using System.Text.Json;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>What an integrator reads at /api/reference: the OpenAPI document and the page around it.</summary>
public sealed class ApiReferenceTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private async Task<JsonElement> DocumentAsync()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/openapi/v1.json");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Document_has_a_title_and_explains_both_ways_to_authenticate()
    {
        var document = await DocumentAsync();

        var info = document.GetProperty("info");
        Assert.Equal("FleetOps API", info.GetProperty("title").GetString());
        var description = info.GetProperty("description").GetString()!;
        Assert.Contains("Terminal API", description, StringComparison.Ordinal);
        Assert.Contains("Management API", description, StringComparison.Ordinal);
        Assert.Contains("Bearer <terminal key>", description, StringComparison.Ordinal);
        Assert.Contains("Bearer <API token>", description, StringComparison.Ordinal);
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("terminalKey").GetProperty("scheme").GetString());
        Assert.Equal("bearer", schemes.GetProperty("apiToken").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Every_operation_says_what_it_answers_when_it_succeeds()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        // A client generated from the document has no type for an answer the document does not list.
        var silent = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Op: op.Value)))
            .Where(o => !o.Op.TryGetProperty("responses", out var responses)
                || !responses.EnumerateObject().Any(r => r.Name[0] is '2' or '3'))
            .Select(o => o.Name)
            .ToList();
        Assert.Empty(silent);
        var terminal = paths.GetProperty("/api/v1/terminals/{terminalId}").GetProperty("get").GetProperty("responses");
        Assert.True(terminal.TryGetProperty("404", out _));
        var photo = paths.GetProperty("/api/v1/workorders/{id}/photos/{photoId}").GetProperty("get").GetProperty("responses");
        Assert.True(photo.TryGetProperty("200", out _));
    }

    [Fact]
    public async Task Telemetry_asks_for_a_terminal_key_and_the_management_api_for_a_token()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        Assert.Equal(["terminalKey"], SchemesOf(paths.GetProperty("/api/v1/telemetry").GetProperty("post")));
        Assert.Equal(["apiToken"], SchemesOf(paths.GetProperty("/api/v1/terminals").GetProperty("get")));
        Assert.Equal(["apiToken"], SchemesOf(paths.GetProperty("/api/v1/transactions/unsettled").GetProperty("get")));
    }

    [Fact]
    public async Task Telemetry_body_schema_tells_the_event_types_apart_by_their_wire_names()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var events = schemas.GetProperty("TelemetryEventSchema");
        Assert.Equal("type", events.GetProperty("discriminator").GetProperty("propertyName").GetString());
        var mapping = events.GetProperty("discriminator").GetProperty("mapping").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["heartbeat", "power", "software", "transaction"], mapping);
        Assert.Equal(["lost", "restored", "on_battery", "low_battery", "brownout", "shutdown"],
            schemas.GetProperty("PowerState").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(["downloading", "installing", "installed", "failed"],
            schemas.GetProperty("SoftwareState").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
        var heartbeat = schemas.GetProperty("TelemetryEventSchemaHeartbeatEventSchema").GetProperty("properties");
        Assert.Equal(100, heartbeat.GetProperty("batteryPercent").GetProperty("maximum").GetInt32());
        Assert.DoesNotContain("string", heartbeat.GetProperty("batteryPercent").GetProperty("type").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Every_documented_example_is_accepted_whole_by_the_server_parser()
    {
        var media = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/v1/telemetry").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        var examples = media.GetProperty("examples").EnumerateObject().ToList();

        Assert.Equal(["heartbeat", "power", "transaction", "software", "backlog"], examples.Select(e => e.Name));
        var serverNow = DateTimeOffset.Parse("2026-11-25T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var example in examples)
        {
            var body = Encoding.UTF8.GetBytes(example.Value.GetProperty("value").GetRawText());
            var batch = TelemetryBatch.Parse(body, serverNow, EventLimits.Default, out var problem);
            Assert.True(batch is not null, $"{example.Name}: {problem}");
            Assert.Empty(batch.Rejected);
            Assert.Equal(example.Value.GetProperty("value").GetProperty("events").GetArrayLength(), batch.Valid.Count());
        }
    }

    [Fact]
    public async Task Reference_page_has_the_hosted_extras_turned_off()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/reference/");

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"agent\":{\"disabled\":true}", page, StringComparison.Ordinal);
        Assert.Contains("\"mcp\":{\"disabled\":true}", page, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", page, StringComparison.Ordinal);
        Assert.Contains("\"hideClientButton\":true", page, StringComparison.Ordinal);
    }

    private static string[] SchemesOf(JsonElement operation) =>
        operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToArray();
}
