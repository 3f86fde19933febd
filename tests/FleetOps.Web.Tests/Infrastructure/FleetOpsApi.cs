using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>The HTTP calls tests make again and again, against a <see cref="FleetOpsApp"/>.</summary>
public static class FleetOpsApi
{
    public static async Task<string> CreateStoreAsync(this FleetOpsApp app, string code, string timeZone = "Asia/Shanghai")
    {
        using var client = app.CreateAdminClient();
        using var response = await client.PostAsJsonAsync("/api/v1/stores", new { code, name = $"Store {code}", region = "East", timeZone });
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return code;
    }

    /// <summary>Registers a terminal (in the app's default store unless one is named) and returns its key.</summary>
    public static async Task<string> RegisterTerminalAsync(this FleetOpsApp app, string terminalId, string? storeCode = null, string model = "A920")
    {
        storeCode ??= await app.DefaultStoreAsync();
        using var client = app.CreateAdminClient();
        using var response = await client.PostAsJsonAsync("/api/v1/terminals", new { terminalId, storeCode, model, serialNumber = $"SN-{terminalId}" });
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var body = await Expect.JsonObjectAsync(response);
        return body["key"]!.GetValue<string>();
    }

    /// <summary>Registers a new terminal with a unique id: returns the id and its key.</summary>
    public static async Task<(string TerminalId, string Key)> NewTerminalAsync(this FleetOpsApp app, string? storeCode = null, string model = "A920")
    {
        var id = Ids.New("T");
        return (id, await app.RegisterTerminalAsync(id, storeCode, model));
    }

    public static Task<HttpResponseMessage> PostTelemetryAsync(this FleetOpsApp app, string? key, string terminalId, params JsonNode[] events) =>
        app.PostTelemetryAsync(key, Telemetry.Batch(terminalId, events));

    public static Task<HttpResponseMessage> PostTelemetryAsync(this FleetOpsApp app, string? key, string body) =>
        app.PostTelemetryAsync(key, new StringContent(body, Encoding.UTF8, "application/json"));

    public static async Task<HttpResponseMessage> PostTelemetryAsync(this FleetOpsApp app, string? key, HttpContent content)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry") { Content = content };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await client.SendAsync(request);
    }

    /// <summary>Posts events that must be accepted and returns the 200 body.</summary>
    public static async Task<JsonObject> PostAcceptedAsync(this FleetOpsApp app, string key, string terminalId, params JsonNode[] events)
    {
        using var response = await app.PostTelemetryAsync(key, terminalId, events);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }

    public static async Task<JsonObject> GetTerminalAsync(this FleetOpsApp app, string terminalId)
    {
        using var client = app.CreateAdminClient();
        using var response = await client.GetAsync($"/api/v1/terminals/{Uri.EscapeDataString(terminalId)}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }

    public static async Task<JsonObject> ListTerminalsAsync(this FleetOpsApp app, string query)
    {
        using var client = app.CreateAdminClient();
        using var response = await client.GetAsync($"/api/v1/terminals?{query}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }

    public static async Task SetSoftwareTargetAsync(this FleetOpsApp app, string model, string appVersion, string firmwareVersion, string? minimumAppVersion = null)
    {
        using var client = app.CreateAdminClient();
        using var response = await client.PutAsJsonAsync($"/api/v1/software/targets/{Uri.EscapeDataString(model)}",
            new { appVersion, firmwareVersion, minimumAppVersion });
        await Expect.StatusAsync(response, HttpStatusCode.OK);
    }
}
