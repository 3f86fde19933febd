using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>A registered terminal (in a store of its own unless one is given) that reports its sales over the telemetry API.</summary>
public sealed class Till(FleetOpsApp app, string store, string terminalId, string key)
{
    public string Store { get; } = store;
    public string TerminalId { get; } = terminalId;
    public string Key { get; } = key;

    public static async Task<Till> OpenAsync(FleetOpsApp app, string? store = null)
    {
        store ??= await app.CreateStoreAsync(Ids.New("S"));
        var (terminalId, key) = await app.NewTerminalAsync(store);
        return new Till(app, store, terminalId, key);
    }

    /// <summary>Sends events that must all be accepted or counted as duplicates; returns the 200 body.</summary>
    public Task<JsonObject> SendAsync(params JsonNode[] events) => app.PostAcceptedAsync(Key, TerminalId, events);

    /// <summary>
    /// A late backlog that puts one sale straight into <paramref name="reason"/> (its deadline lies in the past), with
    /// <paramref name="now"/> as the server's time. Incomplete and interrupted sales need tills of their own: a power loss
    /// counts for every open sale of its terminal.
    /// </summary>
    public Task<JsonObject> SendSaleInAsync(string reason, string transactionId, DateTimeOffset now, long amountMinor = 12800) => reason switch
    {
        "incomplete" => SendAsync(
            Heartbeat($"{transactionId}:hb", now.AddMinutes(-15), bootId: "boot-A"),
            Sale($"{transactionId}:a", now.AddMinutes(-10), transactionId, "authorized", amountMinor)),
        "interrupted_by_power_loss" => SendAsync(
            Heartbeat($"{transactionId}:hb", now.AddMinutes(-15), bootId: "boot-A"),
            Sale($"{transactionId}:a", now.AddMinutes(-10), transactionId, "authorized", amountMinor),
            Power($"{transactionId}:p", now.AddMinutes(-10).AddSeconds(20), "lost")),
        "not_settled" => SendAsync(
            Sale($"{transactionId}:a", now.AddHours(-30), transactionId, "authorized", amountMinor),
            Sale($"{transactionId}:c", now.AddHours(-30).AddSeconds(40), transactionId, "completed", amountMinor)),
        "authorization_expiring" => SendAsync(
            Sale($"{transactionId}:a", now.AddDays(-5), transactionId, "authorized", amountMinor),
            Sale($"{transactionId}:c", now.AddDays(-5).AddSeconds(40), transactionId, "completed", amountMinor)),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "not a reason of docs/api.md §2"),
    };

    /// <summary>One stage of a sale: CNY, masked PAN 622848******1234, auth code A1B2C3, RRN 123456789012, batch 000123.</summary>
    public static JsonObject Sale(string eventId, DateTimeOffset at, string transactionId, string stage, long amountMinor = 12800) =>
        Transaction(eventId, at, transactionId, stage, amountMinor);
}

/// <summary>The unsettled worklist through the management API (docs/api.md §2).</summary>
public static class UnsettledList
{
    public const string Path = "/api/v1/transactions/unsettled";

    public static async Task<JsonObject> UnsettledAsync(this HttpClient client, string query = "")
    {
        using var response = await client.GetAsync(Path + query);
        await Expect.StatusAsync(response, System.Net.HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }

    /// <summary>The administrator's view of one store.</summary>
    public static async Task<JsonObject> UnsettledInAsync(this FleetOpsApp app, string store)
    {
        using var admin = app.CreateAdminClient();
        return await admin.UnsettledAsync($"?store={Uri.EscapeDataString(store)}");
    }

    public static IReadOnlyList<JsonObject> Items(this JsonObject page) => page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    /// <summary>The listed item of one transaction of the till, or null when it is not on the list.</summary>
    public static async Task<JsonObject?> ItemAsync(this FleetOpsApp app, Till till, string transactionId) =>
        (await app.UnsettledInAsync(till.Store)).Items()
            .SingleOrDefault(i => Expect.Wire(i["terminalId"]) == till.TerminalId && Expect.Wire(i["transactionId"]) == transactionId);

    /// <summary>The reason the list gives for one transaction, or null when it is not on the list.</summary>
    public static async Task<string?> ReasonAsync(this FleetOpsApp app, Till till, string transactionId) =>
        await app.ItemAsync(till, transactionId) is { } item ? Expect.Wire(item["reason"]) : null;

    /// <summary>Polls the list until the transaction shows <paramref name="reason"/> (null: until it is gone).</summary>
    public static Task<string?> ReasonBecomesAsync(this FleetOpsApp app, Till till, string transactionId, string? reason) =>
        Eventually.MatchesAsync(() => app.ReasonAsync(till, transactionId), r => r == reason,
            $"{till.TerminalId}/{transactionId} to be {reason ?? "off the list"}");
}
