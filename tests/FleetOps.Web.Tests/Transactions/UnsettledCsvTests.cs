using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FleetOps.Web.Api;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Transactions.Till;

namespace FleetOps.Web.Tests.Transactions;

/// <summary>
/// The acquirer's CSV (docs/api.md §2) opens cleanly in a spreadsheet: UTF-8 with a BOM, the fixed columns with readable
/// headers and names in the reader's language (English here), RFC 4180 quoting, no formulas, ISO 8601 UTC timestamps
/// (and the store's time in the last column), amounts in major units beside the currency, and the masked PAN only.
/// </summary>
[Collection(UnsettledClockCollection.Name)]
public sealed class UnsettledCsvTests(UnsettledClockApp app)
{
    private const string Header =
        "Terminal ID,Store code,Transaction ID,Amount,Currency,Card number (masked),Authorisation code,RRN,Batch number,Authorised at (UTC),Last stage,Reason,Case,Authorised at (store time)";

    [Fact]
    public async Task Csv_has_bom_header_quoting_formula_guard_iso_times_major_units_and_masked_pans_only()
    {
        var till = await Till.OpenAsync(app);
        var t = app.Now();
        var quoted = t.AddHours(-30);
        var formula = t.AddHours(-29);
        var formulaAuthorized = Sale("b-1", formula, "=1+2", "authorized", amountMinor: 4550);
        formulaAuthorized["authCode"] = "=2+5";
        await till.SendAsync(
            Sale("a-1", quoted, "0001,\"x\"", "authorized"), Sale("a-2", quoted.AddSeconds(40), "0001,\"x\"", "completed"),
            formulaAuthorized, Sale("b-2", formula.AddSeconds(40), "=1+2", "completed", amountMinor: 4550));
        var cardNumber = Infrastructure.Telemetry.CardNumber();
        var refused = await SendWithCardNumbersAsync(till, cardNumber, t);

        using var admin = app.CreateAdminClient();
        using var response = await admin.GetAsync($"{UnsettledList.Path}.csv?store={till.Store}");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var lines = text.Split("\r\n");

        Assert.Equal(2, refused.Count);
        Assert.All(refused, r => Assert.Contains("full card number", Expect.Wire(r!["error"])));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(Header, lines[0]);
        Assert.Equal(new[]
        {
            $"{till.TerminalId},{till.Store},\"0001,\"\"x\"\"\",128.00,CNY,622848******1234,A1B2C3,123456789012,000123,{Iso(quoted)},completed,Not settled,no case,{Shanghai(quoted)}",
            $"{till.TerminalId},{till.Store},'=1+2,45.50,CNY,622848******1234,'=2+5,123456789012,000123,{Iso(formula)},completed,Not settled,no case,{Shanghai(formula)}",
            "",
        }, lines[1..]);
        Assert.DoesNotContain(cardNumber, text);
        Assert.DoesNotContain(cardNumber[^8..], text); // not even the digits a mask hides
        Assert.Empty(await app.FindTextAsync(cardNumber));
    }

    [Fact]
    public async Task Csv_lists_the_same_items_as_the_json_list()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        foreach (var reason in new[] { "incomplete", "interrupted_by_power_loss", "not_settled", "authorization_expiring" })
        {
            var till = await Till.OpenAsync(app, store);
            await till.SendSaleInAsync(reason, "000888-0001", app.Now());
        }
        using var admin = app.CreateAdminClient();

        var items = (await admin.UnsettledAsync($"?store={store}")).Items();
        var csv = await admin.GetStringAsync($"{UnsettledList.Path}.csv?store={store}");

        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(4, items.Count);
        // The CSV names each reason as the worklist does in English; the JSON list keeps the wire names.
        Assert.Equal(
            items.Select(i => $"{Expect.Wire(i["terminalId"])}:{EnglishReasons[Expect.Wire(i["reason"])]}").Order(),
            rows.Select(r => r.Split(',')).Select(c => $"{c[0]}:{c[11]}").Order());
    }

    private static readonly Dictionary<string, string> EnglishReasons = new()
    {
        ["incomplete"] = "Incomplete", ["interrupted_by_power_loss"] = "Interrupted by power loss",
        ["not_settled"] = "Not settled", ["authorization_expiring"] = "Authorisation expiring",
    };

    /// <summary>A full card number in the transaction id of one event and in the RRN of another: both are refused.</summary>
    private async Task<JsonArray> SendWithCardNumbersAsync(Till till, string cardNumber, DateTimeOffset t)
    {
        var inRrn = Sale("c-2", t.AddMinutes(-20), "000999-0002", "authorized");
        inRrn["rrn"] = cardNumber;
        var body = await till.SendAsync(Sale("c-1", t.AddMinutes(-20), $"tx-{cardNumber}", "authorized"), inRrn);
        Assert.Equal(0, body["accepted"]!.GetValue<int>());
        return body["rejected"]!.AsArray();
    }

    /// <summary>The till's store is in Asia/Shanghai (the tests' default store zone).</summary>
    private static string Shanghai(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss '+08:00'", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
