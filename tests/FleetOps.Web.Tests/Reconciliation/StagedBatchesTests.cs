using System.Globalization;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// SQLite stages a report's lines and verdicts in batches of up to 40 KB of JSON (~230 lines), each one parameter, and copies them
/// in at the end: a report whose size is not a multiple of the batch, with every outcome, must store every line and
/// verdict as written — proven by what the next report, another file with the same lines, finds of them.
/// </summary>
public sealed class StagedBatchesTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private const int Filler = 2_341;

    private static DateTimeOffset Noon => new(DateTimeOffset.UtcNow.Date.AddDays(-3).AddHours(4), TimeSpan.Zero);

    [Fact]
    public async Task Report_of_ten_batches_and_a_part_stores_every_line_and_verdict()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000901-0001", "700000000901", 12800, Noon);
        await shop.SettledSaleAsync("000901-0002", "700000000902", 5000, Noon.AddMinutes(5));
        await shop.SettledSaleAsync("000901-0003", "700000000903", 9900, Noon.AddMinutes(10));
        var lines = Enumerable.Range(0, Filler)
            .Select(i => shop.Line(day.AddDays(i % 3), "71" + i.ToString("D10", CultureInfo.InvariantCulture), 100 + i))
            .Concat([
                shop.Line(day.AddDays(2), "700000000901", 12800),   // credited
                shop.Line(day.AddDays(2), "700000000902", 4000),    // the wrong amount
                shop.Line(day.AddDays(2), "700000000901", 12800),   // the same credit twice in one report
                shop.Line(day.AddDays(2), "700000000901", 12800, type: "refund"), // a debit linked to its sale
            ]).ToArray();

        var first = await shop.ImportAsync(AcquirerShop.Csv(lines));

        Assert.Equal((Filler + 4, 1, 1, Filler), (Int(first, "rows"), Int(first, "matched"), Int(first, "amountMismatches"), Int(first, "creditedWithoutSale")));
        Assert.Equal((1, 1), (Int(first, "duplicates"), Int(first, "debits")));
        Assert.Equal("not_credited", await ReasonAsync(shop, "000901-0003"));

        // Another file (one line more) repeating every line: each one stored with its booking day and fingerprint is a
        // duplicate now, none a second credit; the sale proven missing stays so.
        var second = await shop.ImportAsync(AcquirerShop.Csv([.. lines, shop.Line(day.AddDays(2), "719999999999", 100)]), fileName: "again.csv");

        Assert.Equal((Filler + 5, 0, Filler + 4), (Int(second, "rows"), Int(second, "matched"), Int(second, "duplicates")));
        Assert.Equal("not_credited", await ReasonAsync(shop, "000901-0003"));
    }

    private async Task<string?> ReasonAsync(AcquirerShop shop, string transactionId) =>
        (await app.UnsettledInAsync(shop.Store)).Items().Where(i => Expect.Wire(i["transactionId"]) == transactionId)
            .Select(i => Expect.Wire(i["reason"])).SingleOrDefault();

    private static int Int(System.Text.Json.Nodes.JsonObject o, string name) => o[name]!.GetValue<int>();
}
