using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Core.Training;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Training;

/// <summary>The training API as the tests call it (docs/api.md §9): each call asserts the status it expects.</summary>
public static class TrainingCalls
{
    public static async Task<long> AddStaffAsync(this HttpClient client, string store, string name, string role = "cashier", string startedOn = "2025-03-01")
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/stores/{store}/staff", new { name, role, startedOn });
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        return (await Expect.JsonObjectAsync(response))["id"]!.GetValue<long>();
    }

    public static Task<HttpResponseMessage> SessionAsync(this HttpClient client, string store, string programme, string heldOn, long[] staffIds,
        string[]? completedItems = null, string trainer = "Wang Fang") =>
        client.PostAsJsonAsync("/api/v1/training/sessions", new
        {
            storeCode = store, programme, heldOn, trainer, staffIds, completedItems = completedItems ?? Required(programme),
        });

    /// <summary>Every programme held for <paramref name="staffIds"/> on <paramref name="heldOn"/>, all required items completed.</summary>
    public static async Task TrainFullyAsync(this HttpClient client, string store, string heldOn, params long[] staffIds)
    {
        foreach (var programme in DefaultProgrammes.All)
        {
            using var response = await client.SessionAsync(store, programme.Key, heldOn, staffIds);
            await Expect.StatusAsync(response, HttpStatusCode.Created);
        }
    }

    public static async Task<JsonObject> ComplianceAsync(this HttpClient client, string store)
    {
        using var response = await client.GetAsync($"/api/v1/training/compliance?store={store}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return Assert.Single((await Expect.JsonObjectAsync(response))["stores"]!.AsArray())!.AsObject();
    }

    public static string[] Required(string programme) =>
        DefaultProgrammes.Find(programme)?.Items.Where(i => i.Required).Select(i => i.Key).ToArray() ?? [];

    public static string Today(int addDays = 0) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(addDays).ToString("yyyy-MM-dd");
}
