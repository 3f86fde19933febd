using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Notifications;
using FleetOps.Web.Tests.Alerts;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Notifications;

/// <summary>The webhook API as an administrator calls it, and the sender's turn on demand (the tests' clock is fake).</summary>
public static class WebhookCalls
{
    public static async Task<long> SubscribeAsync(this FleetOpsApp app, string url, string secret, string? preset = null,
        string[]? kinds = null, string minSeverity = "info")
    {
        using var admin = app.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, secret, kinds = kinds ?? ["offline"], minSeverity, preset });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Expect.JsonObjectAsync(response))["id"]!.GetValue<long>();
    }

    public static async Task UnsubscribeAsync(this FleetOpsApp app, long id)
    {
        using var admin = app.CreateAdminClient();
        using var response = await admin.DeleteAsync($"/api/v1/webhooks/{id}");
    }

    public static async Task<JsonArray> DeliveriesAsync(this FleetOpsApp app, long id)
    {
        using var admin = app.CreateAdminClient();
        using var response = await admin.GetAsync($"/api/v1/webhooks/{id}/deliveries");
        return (await Expect.JsonObjectAsync(response))["items"]!.AsArray();
    }

    /// <summary>The log lines of one alert's deliveries to a subscription.</summary>
    public static async Task<IReadOnlyList<JsonNode>> DeliveriesOfAsync(this FleetOpsApp app, long id, long alertId) =>
        (await app.DeliveriesAsync(id)).Where(d => d!["alertId"]?.GetValue<long>() == alertId).Select(d => d!).ToList();

    /// <summary>The id of the store's only alert.</summary>
    public static async Task<long> AlertIdAsync(this FleetOpsApp app, string store)
    {
        using var admin = app.CreateAdminClient();
        using var response = await admin.GetAsync($"/api/v1/alerts?store={store}");
        return Assert.Single((await Expect.JsonObjectAsync(response))["items"]!.AsArray())!["id"]!.GetValue<long>();
    }

    /// <summary>Mutes a whole store for the next two hours, as an administrator.</summary>
    public static async Task MuteStoreAsync(this AlertClockApp app, string store)
    {
        using var admin = app.CreateAdminClient();
        using var mute = await admin.PostAsJsonAsync("/api/v1/mutes",
            new { storeCode = store, from = app.Now().AddMinutes(-1), until = app.Now().AddHours(2), reason = "refit" });
        Assert.Equal(HttpStatusCode.Created, mute.StatusCode);
    }

    /// <summary>Every receiver with deliveries due gets its turn now; returns when those turns are over.</summary>
    public static Task SendDueAsync(this FleetOpsApp app) => app.GetService<NotificationSender>().RunOnceAsync();

    /// <summary>The alerts of <paramref name="store"/> a receiver got (other tests' alerts share the app).</summary>
    public static IReadOnlyList<ReceivedWebhook> ForStore(this IEnumerable<ReceivedWebhook> received, string store) =>
        received.Where(r => r.IsFor(store)).ToList();
}
