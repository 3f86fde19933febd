using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Management;

/// <summary>
/// PROTOCOL §11: stores carry their acquirer and merchant id, terminals the acquirer's terminal id — through the
/// register and change endpoints, the bulk import and a restart — so that settlement reports can name their sales.
/// </summary>
public sealed class AcquirerIdentifierTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    /// <summary>UnionPay's 15-digit layout; this one passes the Luhn check, as one merchant id in ten does.</summary>
    private const string LuhnValidMerchantId = "898310040000000";

    private static async Task<JsonObject> StoreAsync(HttpClient client, string code)
    {
        var stores = await client.GetFromJsonAsync<JsonObject>("/api/v1/stores");
        return stores!["items"]!.AsArray().Single(s => Expect.Wire(s!["code"]) == code)!.AsObject();
    }

    [Fact]
    public async Task A_store_is_registered_with_its_acquirer_and_a_15_digit_merchant_id_and_lists_them()
    {
        var code = Ids.New("S");
        using var client = app.CreateAdminClient();

        using var response = await client.PostAsJsonAsync("/api/v1/stores",
            new { code, name = "Xuhui", region = "East", timeZone = "Asia/Shanghai", acquirer = "unionpay", merchantId = LuhnValidMerchantId });

        await Expect.StatusAsync(response, HttpStatusCode.Created);
        var listed = await StoreAsync(client, code);
        Assert.Equal(("unionpay", LuhnValidMerchantId), (Expect.Wire(listed["acquirer"]), Expect.Wire(listed["merchantId"])));
    }

    public static TheoryData<string, object> BadStores => new()
    {
        { "merchantId", new { name = "Xuhui", region = "East", timeZone = "Asia/Shanghai", acquirer = "unionpay", merchantId = "6228480000000007" } },
        { "merchantId", new { name = "Xuhui", region = "East", timeZone = "Asia/Shanghai", merchantId = "898310040000001" } },
        { "acquirer", new { name = "Xuhui", region = "East", timeZone = "Asia/Shanghai", acquirer = "Union Pay", merchantId = "898310040000001" } },
    };

    [Theory]
    [MemberData(nameof(BadStores))]
    public async Task A_card_number_as_merchant_id_a_merchant_id_without_acquirer_or_a_bad_acquirer_name_is_a_400(string field, object fields)
    {
        var code = Ids.New("S");
        using var client = app.CreateAdminClient();
        var body = JsonSerializer.SerializeToNode(fields)!.AsObject();
        body["code"] = code;

        using var response = await client.PostAsJsonAsync("/api/v1/stores", body);

        var problem = await Expect.ValidationProblemAsync(response, field);
        Assert.DoesNotContain("6228480000000007", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonObject>("/api/v1/stores"))!["items"]!.AsArray(), s => Expect.Wire(s!["code"]) == code);
    }

    [Fact]
    public async Task A_change_that_leaves_the_acquirer_out_keeps_it_and_an_empty_one_removes_it()
    {
        var code = Ids.New("S");
        using var client = app.CreateAdminClient();
        await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/stores",
            new { code, name = "Xuhui", region = "East", timeZone = "Asia/Shanghai", acquirer = "unionpay", merchantId = "898310040000001" }), HttpStatusCode.Created);

        // A client written before §11 sends only the fields it knows.
        await Expect.StatusAsync(await client.PutAsJsonAsync($"/api/v1/stores/{code}", new { name = "Jing'an", region = "East", timeZone = "Asia/Shanghai" }), HttpStatusCode.OK);
        Assert.Equal("898310040000001", Expect.Wire((await StoreAsync(client, code))["merchantId"]));

        await Expect.StatusAsync(await client.PutAsJsonAsync($"/api/v1/stores/{code}",
            new { name = "Jing'an", region = "East", timeZone = "Asia/Shanghai", acquirer = "", merchantId = "" }), HttpStatusCode.OK);
        var listed = await StoreAsync(client, code);
        Assert.Null(listed["acquirer"]);
        Assert.Null(listed["merchantId"]);
    }

    [Fact]
    public async Task A_terminal_keeps_its_acquirer_id_through_changes_and_a_restart()
    {
        var path = FleetOpsApp.NewDatabasePath();
        var terminalId = Ids.New("T");
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = path, DeleteDatabaseOnDispose = false }))
        {
            var store = await first.DefaultStoreAsync();
            using var client = first.CreateAdminClient();
            await Expect.StatusAsync(await client.PostAsJsonAsync("/api/v1/terminals",
                new { terminalId, storeCode = store, model = "A920", acquirerTerminalId = "88000001" }), HttpStatusCode.Created);
            Assert.Equal("88000001", Expect.Wire((await first.GetTerminalAsync(terminalId))["acquirerTerminalId"]));

            await Expect.StatusAsync(await client.PutAsJsonAsync($"/api/v1/terminals/{terminalId}", new { storeCode = store, model = "A920" }), HttpStatusCode.OK);
            Assert.Equal("88000001", Expect.Wire((await first.GetTerminalAsync(terminalId))["acquirerTerminalId"]));
            await Expect.StatusAsync(await client.PutAsJsonAsync($"/api/v1/terminals/{terminalId}",
                new { storeCode = store, model = "A920", acquirerTerminalId = "88000002" }), HttpStatusCode.OK);
        }
        await using var restarted = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = path });

        Assert.Equal("88000002", Expect.Wire((await restarted.GetTerminalAsync(terminalId))["acquirerTerminalId"]));
    }

    [Fact]
    public async Task The_bulk_import_takes_the_acquirers_ids_and_refuses_a_card_number_in_them_by_row()
    {
        var (good, bad) = (Ids.New("S"), Ids.New("S"));
        var (t1, t2) = (Ids.New("T"), Ids.New("T"));
        const string Header = "storeCode,storeName,region,timeZone,terminalId,serialNumber,model,acquirer,merchantId,acquirerTerminalId";
        using var client = app.CreateAdminClient();

        using var refused = await PostImportAsync(client, $"""
            {Header}
            {bad},Tianhe,South,Asia/Shanghai,{Ids.New("T")},,A920,unionpay,6228480000000007,88000009
            """);
        var problem = await Expect.ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal((2, "merchantId"), (problem["errors"]![0]!["row"]!.GetValue<int>(), Expect.Wire(problem["errors"]![0]!["column"])));

        using var imported = await PostImportAsync(client, $"""
            {Header}
            {good},Xuhui,East,Asia/Shanghai,{t1},SN-1,A920,unionpay,{LuhnValidMerchantId},88000101
            {good},,,,{t2},,A920,,,88000102
            """);
        await Expect.StatusAsync(imported, HttpStatusCode.OK);
        var store = await StoreAsync(client, good);
        Assert.Equal(("unionpay", LuhnValidMerchantId), (Expect.Wire(store["acquirer"]), Expect.Wire(store["merchantId"])));
        Assert.Equal("88000102", Expect.Wire((await app.GetTerminalAsync(t2))["acquirerTerminalId"]));
    }

    private static async Task<HttpResponseMessage> PostImportAsync(HttpClient client, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync("/api/v1/imports/terminals", content);
    }
}
