using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Maintenance;

/// <summary>The maintenance API as the tests call it (docs/api.md §8): each call asserts the status it expects.</summary>
public static class MaintenanceCalls
{
    public static async Task<JsonObject> CreateWorkOrderAsync(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/workorders", body);
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return await Expect.JsonObjectAsync(response);
    }

    /// <summary>A hand-made inspection of <paramref name="store"/>, due <paramref name="dueAt"/>.</summary>
    public static Task<JsonObject> CreateInspectionAsync(this HttpClient client, string store, DateTimeOffset dueAt, string? terminalId = null) =>
        client.CreateWorkOrderAsync(new { storeCode = store, terminalId, title = "Quarterly inspection", kind = "inspection", priority = "normal", dueAt,
            checklist = "terminal_inspection" });

    public static Task<HttpResponseMessage> ScheduleAsync(this HttpClient client, long id, string assignee, DateTimeOffset start, DateTimeOffset end) =>
        client.PostAsJsonAsync($"/api/v1/workorders/{id}/schedule", new { assignee, start, end });

    public static Task<HttpResponseMessage> CommandAsync(this HttpClient client, long id, string verb, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/workorders/{id}/{verb}", body ?? new { });

    public static async Task<JsonObject> WorkOrderAsync(this HttpClient client, long id)
    {
        using var response = await client.GetAsync($"/api/v1/workorders/{id}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }

    public static async Task<JsonArray> WorkOrdersAsync(this HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/workorders{query}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return (await Expect.JsonObjectAsync(response))["items"]!.AsArray();
    }

    /// <summary>The smallest thing that is a PNG by its first bytes (what a signature pad sends).</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

    /// <summary>An upload to <c>POST /api/v1/workorders/{id}/photos</c>: the file and the checklist item it is for.</summary>
    public static MultipartFormDataContent Image(byte[] bytes, string fileName, string item, string type = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", fileName }, { new StringContent(item), "item" } };
    }

    /// <summary>The store manager's drawn signature uploaded for the work order's signature item; its id is the item's value.</summary>
    public static async Task<long> SignAsync(this HttpClient client, long workOrderId, string item = "manager_signature")
    {
        using var response = await client.PostAsync($"/api/v1/workorders/{workOrderId}/photos", Image(Png, "signature.png", item));
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return (await Expect.JsonObjectAsync(response)).Id();
    }

    /// <summary>
    /// Every item of the terminal inspection answered, signed by the store manager (<paramref name="signature"/>: the drawing's
    /// id); all well unless <paramref name="housingIntact"/> is false (a failed check, flagged).
    /// </summary>
    public static object Inspection(long signature, bool housingIntact = true) => new
    {
        results = new object[]
        {
            new { item = "housing_intact", value = housingIntact }, new { item = "no_tampering", value = true }, new { item = "card_reader_ok", value = true },
            new { item = "printer_ok", value = true }, new { item = "signal_bars", value = 4 }, new { item = "manager_signature", value = $"{signature}" },
        },
        signedBy = "Li Wei",
    };

    /// <summary>A hand-made inspection of <paramref name="store"/> started, signed and completed; its id.</summary>
    public static async Task<long> DoneInspectionAsync(this HttpClient client, string store, bool housingIntact = true)
    {
        var order = await client.CreateInspectionAsync(store, DateTimeOffset.UtcNow.AddDays(2));
        await Expect.StatusAsync(await client.CommandAsync(order.Id(), "start"), HttpStatusCode.OK);
        var signature = await client.SignAsync(order.Id());
        await Expect.StatusAsync(await client.CommandAsync(order.Id(), "complete", Inspection(signature, housingIntact)), HttpStatusCode.OK);
        return order.Id();
    }

    public static long Id(this JsonObject order) => order["id"]!.GetValue<long>();
}
