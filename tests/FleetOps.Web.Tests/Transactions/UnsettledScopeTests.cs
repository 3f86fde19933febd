using System.Net;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>The list and its CSV answer only for the caller's stores, whether they come with an API token or a cookie.</summary>
[Collection(UnsettledClockCollection.Name)]
public sealed class UnsettledScopeTests(UnsettledClockApp app)
{
    [Theory]
    [InlineData("token")]
    [InlineData("cookie")]
    public async Task Store_manager_sees_only_their_own_stores_items_in_the_list_and_the_csv(string via)
    {
        var (own, other) = await TwoStoresWithUnsettledSalesAsync();
        using var client = await StoreManagerClientAsync(own.Store, via);

        var page = await client.UnsettledAsync();
        var csv = await CsvAsync(client, "");

        Assert.Equal(1, page["total"]!.GetValue<int>());
        Assert.Equal(own.TerminalId, Expect.Wire(Assert.Single(page.Items())["terminalId"]));
        var row = Assert.Single(CsvRows(csv));
        Assert.StartsWith($"{own.TerminalId},{own.Store},", row);
        Assert.DoesNotContain(other.TerminalId, csv);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("cookie")]
    public async Task Store_manager_asking_for_another_store_gets_an_empty_list_not_its_data(string via)
    {
        var (own, other) = await TwoStoresWithUnsettledSalesAsync();
        using var client = await StoreManagerClientAsync(own.Store, via);

        var page = await client.UnsettledAsync($"?store={other.Store}");
        var csv = await CsvAsync(client, $"?store={other.Store}");

        Assert.Equal(0, page["total"]!.GetValue<int>());
        Assert.Empty(page.Items());
        Assert.Empty(CsvRows(csv));
        Assert.Equal(1, (await app.UnsettledInAsync(other.Store))["total"]!.GetValue<int>()); // the administrator does see it
    }

    [Fact]
    public async Task Reason_filter_narrows_the_list_to_that_reason()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var settled = await Till.OpenAsync(app, store);
        var incomplete = await Till.OpenAsync(app, store);
        await settled.SendSaleInAsync("not_settled", "000555-0001", app.Now());
        await incomplete.SendSaleInAsync("incomplete", "000555-0002", app.Now());
        using var admin = app.CreateAdminClient();

        var page = await admin.UnsettledAsync($"?store={store}&reason=not_settled");

        Assert.Equal("000555-0001", Expect.Wire(Assert.Single(page.Items())["transactionId"]));
        Assert.Equal(2, (await admin.UnsettledAsync($"?store={store}"))["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(UnsettledList.Path)]
    [InlineData(UnsettledList.Path + ".csv")]
    public async Task Unknown_reason_is_a_400_naming_the_reason(string path)
    {
        using var admin = app.CreateAdminClient();

        using var response = await admin.GetAsync($"{path}?reason=lost_in_space");

        await Expect.ValidationProblemAsync(response, "reason");
    }

    [Theory]
    [InlineData(UnsettledList.Path)]
    [InlineData(UnsettledList.Path + ".csv")]
    public async Task Caller_without_a_session_or_token_gets_401(string path)
    {
        using var anonymous = app.CreateAnonymousClient();

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<(Till Own, Till Other)> TwoStoresWithUnsettledSalesAsync()
    {
        var own = await Till.OpenAsync(app);
        var other = await Till.OpenAsync(app);
        await own.SendSaleInAsync("not_settled", "000555-0010", app.Now());
        await other.SendSaleInAsync("not_settled", "000555-0020", app.Now());
        return (own, other);
    }

    private async Task<HttpClient> StoreManagerClientAsync(string store, string via)
    {
        var manager = await app.CreateUserAsync(Roles.StoreManager, stores: [store]);
        return via == "token"
            ? app.CreateTokenClient((await app.CreateApiTokenAsync(manager)).Token)
            : await app.SignedInBrowserAsync(manager);
    }

    private static async Task<string> CsvAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(UnsettledList.Path + ".csv" + query);
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static string[] CsvRows(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
}
