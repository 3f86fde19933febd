using System.Net;
using System.Text.Json.Nodes;
using FleetOps.Web.Background;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Transactions;

/// <summary><c>GET /api/v1/success-rate</c>: counts from real telemetry, the caller's stores only, bad parameters refused.</summary>
[Collection(UnsettledClockCollection.Name)]
public sealed class SuccessRateApiTests(UnsettledClockApp app)
{
    private const string Path = "/api/v1/success-rate";

    /// <summary>A sale authorised, completed and settled at once: it never stays in the book, only in the database.</summary>
    private Task SendSettledSaleAsync(Till till, string transactionId)
    {
        var at = app.Now().AddHours(-2);
        return till.SendAsync(
            Till.Sale($"{transactionId}:a", at, transactionId, "authorized"),
            Till.Sale($"{transactionId}:c", at.AddSeconds(30), transactionId, "completed"),
            Till.Sale($"{transactionId}:s", at.AddHours(1), transactionId, "settled"));
    }

    private static async Task<JsonObject> GetAsync(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync(Path + query);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await Expect.JsonObjectAsync(response);
    }

    private static JsonObject? StoreRow(JsonObject answer, string store) =>
        answer["stores"]!.AsArray().Select(s => s!.AsObject()).FirstOrDefault(s => s["storeCode"]!.GetValue<string>() == store);

    private static int Started(JsonObject row) => row["sales"]!["started"]!.GetValue<int>();

    [Fact]
    public async Task Settled_incomplete_and_open_sales_count_once_also_after_the_history_reloads_from_the_database()
    {
        var till = await Till.OpenAsync(app);
        var failing = await Till.OpenAsync(app, till.Store);
        await SendSettledSaleAsync(till, "000777-0001");
        await SendSettledSaleAsync(till, "000777-0002");
        await failing.SendSaleInAsync("incomplete", "000777-0003", app.Now());
        using var admin = app.CreateAdminClient();

        bool Counted(JsonObject answer) => StoreRow(answer, till.Store) is { } row && Started(row) == 3;
        var answer = await Eventually.MatchesAsync(() => GetAsync(admin, $"?store={till.Store}"), Counted, "the three sales");
        var sales = StoreRow(answer, till.Store)!["sales"]!;
        Assert.Equal(2, sales["completed"]!.GetValue<int>());
        Assert.Equal(1, sales["operatorFailures"]!.GetValue<int>());
        Assert.Equal(0.6667, sales["successRate"]!.GetValue<double>(), 4);
        Assert.Equal(333.33, sales["failuresPerThousand"]!.GetValue<double>(), 2);

        await app.GetService<SaleHistory>().RefreshAsync(CancellationToken.None);

        Assert.True(Counted(await GetAsync(admin, $"?store={till.Store}")), "a reload counts the settled sales once, not twice");
    }

    [Fact]
    public async Task A_store_manager_sees_only_their_own_stores()
    {
        var own = await Till.OpenAsync(app);
        var other = await Till.OpenAsync(app);
        await SendSettledSaleAsync(own, "000778-0001");
        await SendSettledSaleAsync(other, "000778-0002");
        using var admin = app.CreateAdminClient();
        await Eventually.MatchesAsync(() => GetAsync(admin), a => StoreRow(a, own.Store) is not null && StoreRow(a, other.Store) is not null,
            "both stores counted");
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [own.Store]);
        using var client = app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token);

        var mine = await GetAsync(client);
        var asked = await GetAsync(client, $"?store={other.Store}");

        Assert.Equal([own.Store], mine["stores"]!.AsArray().Select(s => s!["storeCode"]!.GetValue<string>()));
        Assert.Empty(asked["stores"]!.AsArray());
        Assert.Equal(0, asked["total"]!["started"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("?days=0", "days")]
    [InlineData("?days=91", "days")]
    [InlineData("?days=thirty", "days")]
    public async Task Bad_parameters_are_a_400_naming_them(string query, string field)
    {
        using var admin = app.CreateAdminClient();

        using var response = await admin.GetAsync(Path + query);

        await Expect.ValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task The_window_has_one_entry_per_day()
    {
        using var admin = app.CreateAdminClient();

        var answer = await GetAsync(admin, "?days=90");

        Assert.Equal(90, answer["days"]!.AsArray().Count);
    }
}
