using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace FleetOps.E2E.Tests.Infrastructure;

/// <summary>The management and terminal APIs over real HTTP (docs/api.md §1–§2), as an integration would call them.</summary>
public sealed class FleetOpsClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(15) };
    private int _events;

    public HttpClient Http => _http;

    public static string NewId(string prefix) => $"{prefix}-{Letters(12)}";

    /// <summary>
    /// Random letters a–z: unique enough for ids, and they add no digits. The server refuses any 13 or more digits
    /// between letters, separators such as '-' included (a card number); hex from a Guid could join into such a run.
    /// </summary>
    public static string Letters(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('a' + Random.Shared.Next(26))));

    /// <param name="name">The store's name (default "Store {code}"); a language tour passes a Chinese one, so the page text it checks holds no English it made itself.</param>
    /// <param name="region">The store's region (default "East").</param>
    public async Task<string> CreateStoreAsync(string? code = null, string? name = null, string region = "East")
    {
        code ??= NewId("S");
        using var response = await SendAdminAsync(HttpMethod.Post, "api/v1/stores",
            JsonContent.Create(new { code, name = name ?? $"Store {code}", region, timeZone = "Asia/Shanghai" }));
        await ExpectAsync(response, HttpStatusCode.Created);
        return code;
    }

    /// <summary>A store credited by <paramref name="acquirer"/>, which knows it as <paramref name="merchantId"/> (PROTOCOL §11).</summary>
    public async Task<string> CreateAcquirerStoreAsync(string acquirer, string merchantId)
    {
        var code = NewId("S");
        using var response = await SendAdminAsync(HttpMethod.Post, "api/v1/stores",
            JsonContent.Create(new { code, name = $"Store {code}", region = "East", timeZone = "Asia/Shanghai", acquirer, merchantId }));
        await ExpectAsync(response, HttpStatusCode.Created);
        return code;
    }

    /// <summary>Registers a terminal its acquirer knows as <paramref name="acquirerTerminalId"/>; returns its key.</summary>
    public async Task<string> RegisterAcquirerTerminalAsync(string terminalId, string storeCode, string acquirerTerminalId)
    {
        using var response = await SendAdminAsync(HttpMethod.Post, "api/v1/terminals",
            JsonContent.Create(new { terminalId, storeCode, model = "A920", serialNumber = $"SN-{terminalId}", acquirerTerminalId }));
        await ExpectAsync(response, HttpStatusCode.Created);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
    }

    /// <summary>Imports a settlement report through the API (<c>POST /api/v1/reconciliation/reports</c>), expects 201; its id.</summary>
    public async Task<long> ImportSettlementReportAsync(string acquirer, string fileName, string csv)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(acquirer), "acquirer");
        using var response = await SendAdminAsync(HttpMethod.Post, "api/v1/reconciliation/reports", form);
        await ExpectAsync(response, HttpStatusCode.Created);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    /// <summary>Subscribes a webhook to every alert and queues a test delivery to it, so its page shows a log line.</summary>
    public async Task<long> SubscribeWebhookAsync(string url, string secret, string preset = "generic")
    {
        using var response = await SendAdminAsync(HttpMethod.Post, "api/v1/webhooks", JsonContent.Create(new { url, secret, preset, kinds = Array.Empty<string>() }));
        await ExpectAsync(response, HttpStatusCode.Created);
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        using var test = await SendAdminAsync(HttpMethod.Post, $"api/v1/webhooks/{id}/test");
        await ExpectAsync(test, HttpStatusCode.Accepted);
        return id;
    }

    /// <summary>Starts a rollout of app 3.3.0 for the model, its one wave the given store; returns its id.</summary>
    public async Task<long> StartRolloutAsync(string model, string storeCode)
    {
        using var response = await SendAdminAsync(HttpMethod.Post, "api/v1/software/rollouts",
            JsonContent.Create(new { model, appVersion = "3.3.0", waves = new[] { new { stores = new[] { storeCode } } } }));
        await ExpectAsync(response, HttpStatusCode.Created);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    /// <summary>Sets the model's target versions (PROTOCOL.md, software targets): terminals of the model on another version are then behind it.</summary>
    public async Task SetSoftwareTargetAsync(string model, string appVersion, string firmwareVersion, string? minimumAppVersion = null)
    {
        using var response = await SendAdminAsync(HttpMethod.Put, $"api/v1/software/targets/{Uri.EscapeDataString(model)}",
            JsonContent.Create(new { appVersion, firmwareVersion, minimumAppVersion }));
        await ExpectAsync(response, HttpStatusCode.OK);
    }

    /// <summary>A work order at the terminal due tomorrow, booked to <paramref name="assignee"/> for an hour from now; returns its id.</summary>
    public async Task<long> CreateWorkOrderAsync(string storeCode, string terminalId, string assignee)
    {
        using var created = await SendAdminAsync(HttpMethod.Post, "api/v1/workorders", JsonContent.Create(new
        {
            storeCode, terminalId, title = "Power supply and UPS test", kind = "power", priority = "high", dueAt = DateTimeOffset.UtcNow.AddDays(1),
            checklist = "power_ups",
        }));
        await ExpectAsync(created, HttpStatusCode.Created);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        using var booked = await SendAdminAsync(HttpMethod.Post, $"api/v1/workorders/{id}/schedule",
            JsonContent.Create(new { assignee, start = DateTimeOffset.UtcNow, end = DateTimeOffset.UtcNow.AddHours(1) }));
        await ExpectAsync(booked, HttpStatusCode.OK);
        return id;
    }

    /// <summary>Starts and completes a work order made by <see cref="CreateWorkOrderAsync"/> (the power and UPS checklist, every item passed).</summary>
    public async Task CompleteWorkOrderAsync(long id)
    {
        using var started = await SendAdminAsync(HttpMethod.Post, $"api/v1/workorders/{id}/start", JsonContent.Create(new { }));
        await ExpectAsync(started, HttpStatusCode.OK);
        using var completed = await SendAdminAsync(HttpMethod.Post, $"api/v1/workorders/{id}/complete", JsonContent.Create(new
        {
            results = new object[]
            {
                new { item = "adapter_ok", value = true }, new { item = "ups_self_test", value = true }, new { item = "surge_protection", value = true },
                new { item = "mains_voltage", value = 229 }, new { item = "ups_runtime", value = 15 }, new { item = "manager_signature", value = "Wang Li" },
            },
            signedBy = "Wang Li",
        }));
        await ExpectAsync(completed, HttpStatusCode.OK);
    }

    /// <summary>Saves a store's emergency plan as an administrator (docs/api.md §9, FleetOps addition); <paramref name="plan"/> is the PUT body.</summary>
    public async Task SaveEmergencyPlanAsync(string storeCode, object plan)
    {
        using var saved = await SendAdminAsync(HttpMethod.Put, $"api/v1/stores/{Uri.EscapeDataString(storeCode)}/emergency-plan", JsonContent.Create(plan));
        await ExpectAsync(saved, HttpStatusCode.OK);
    }

    /// <summary>Adds a person to a store's training roster (docs/api.md §9) and returns their id.</summary>
    public async Task<long> AddStaffAsync(string storeCode, string name, string role = "cashier")
    {
        using var response = await SendAdminAsync(HttpMethod.Post, $"api/v1/stores/{Uri.EscapeDataString(storeCode)}/staff",
            JsonContent.Create(new { name, role, startedOn = "2025-03-01" }));
        await ExpectAsync(response, HttpStatusCode.Created);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    /// <summary>Records a session of <paramref name="programme"/> held on <paramref name="heldOn"/> in which every listed person completed every item (§9).</summary>
    public Task<long> RecordTrainingAsync(string storeCode, string programme, DateOnly heldOn, params long[] staffIds) =>
        RecordTrainingSessionAsync(storeCode, programme, "Regional trainer", staffIds,
            FleetOps.Core.Training.DefaultProgrammes.Find(programme)!.Items.Select(i => i.Key), heldOn);

    /// <summary>Marks the person as having left the store (their history is kept).</summary>
    public async Task MarkStaffLeftAsync(string storeCode, long staffId)
    {
        using var response = await SendAdminAsync(HttpMethod.Delete, $"api/v1/stores/{Uri.EscapeDataString(storeCode)}/staff/{staffId}");
        Assert.True(response.IsSuccessStatusCode, $"DELETE staff {staffId} answered {(int)response.StatusCode}");
    }

    /// <summary>
    /// A session of <paramref name="programme"/> with every one of <paramref name="completedItems"/> ticked for each person,
    /// held on <paramref name="heldOn"/> or else yesterday by the store's clock (Shanghai), so it is never "in the future"
    /// whenever the test runs; returns its id.
    /// </summary>
    public async Task<long> RecordTrainingSessionAsync(string storeCode, string programme, string trainer, IEnumerable<long> staffIds,
        IEnumerable<string> completedItems, DateOnly? heldOn = null)
    {
        var day = heldOn ?? DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(-1).DateTime);
        using var response = await SendAdminAsync(HttpMethod.Post, "api/v1/training/sessions", JsonContent.Create(new
        {
            storeCode, programme, heldOn = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), trainer, staffIds, completedItems,
        }));
        await ExpectAsync(response, HttpStatusCode.Created);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
    }

    /// <summary>Registers a terminal and returns its key.</summary>
    public async Task<string> RegisterTerminalAsync(string terminalId, string storeCode, string model = "A920")
    {
        using var response = await SendAdminAsync(HttpMethod.Post, "api/v1/terminals",
            JsonContent.Create(new { terminalId, storeCode, model, serialNumber = $"SN-{terminalId}" }));
        await ExpectAsync(response, HttpStatusCode.Created);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["key"]!.GetValue<string>();
    }

    public async Task<JsonObject> GetTerminalAsync(string terminalId)
    {
        using var response = await SendAdminAsync(HttpMethod.Get, $"api/v1/terminals/{Uri.EscapeDataString(terminalId)}");
        await ExpectAsync(response, HttpStatusCode.OK);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Polls the terminal until its connectivity is <paramref name="expected"/>: no fixed sleeps.</summary>
    public async Task WaitForConnectivityAsync(string terminalId, string expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string? last = null;
        while (true)
        {
            last = (await GetTerminalAsync(terminalId))["connectivity"]?.GetValue<string>();
            if (last == expected) return;
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"{terminalId} did not become '{expected}' within {timeout.TotalSeconds} s (last: '{last}').");
            }
            await Task.Delay(50);
        }
    }

    public Task HeartbeatAsync(string terminalId, string key) => PostEventsAsync(terminalId, key, new JsonObject
    {
        ["id"] = NextEventId(), ["type"] = "heartbeat", ["at"] = Timestamp(DateTimeOffset.UtcNow),
        ["bootId"] = "boot-1", ["uptimeSeconds"] = 3600, ["appVersion"] = "3.2.1", ["firmwareVersion"] = "1.8.0",
        ["powerSource"] = "mains", ["batteryPercent"] = 95,
    });

    public Task PowerEventAsync(string terminalId, string key, string state) => PostEventsAsync(terminalId, key, new JsonObject
    {
        ["id"] = NextEventId(), ["type"] = "power", ["at"] = Timestamp(DateTimeOffset.UtcNow), ["state"] = state,
    });

    public async Task PostEventsAsync(string terminalId, string key, params JsonObject[] events)
    {
        var body = new JsonObject { ["terminalId"] = terminalId, ["events"] = new JsonArray(events.Cast<JsonNode>().ToArray()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/telemetry")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await _http.SendAsync(request);
        await ExpectAsync(response, HttpStatusCode.OK);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(result["accepted"]!.GetValue<int>() == events.Length, $"Not every event was accepted: {result.ToJsonString()}");
    }

    private async Task<HttpResponseMessage> SendAdminAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", E2EApp.ApiToken);
        return await _http.SendAsync(request);
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected) return;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Fail($"Expected {(int)expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}: {body}");
    }

    private string NextEventId() => $"e2e-{Interlocked.Increment(ref _events)}-{Letters(16)}";

    private static string Timestamp(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public void Dispose() => _http.Dispose();
}
