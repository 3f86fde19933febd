using System.Net;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using FleetOps.Web.Tests.Transactions;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>The import's own SQL (reused commands, the credit upsert) on PostgreSQL: written, matched, and read back after a restart.</summary>
public sealed class PostgresReconciliationTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    [PostgresFact]
    public async Task Report_is_imported_and_a_not_credited_sale_survives_a_restart()
    {
        var noon = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(-3).AddHours(4), TimeSpan.Zero);
        AcquirerShop shop;
        string csv;
        long id;
        await using (var first = _database.Start())
        {
            shop = await AcquirerShop.OpenAsync(first);
            var day = await shop.SettledSaleAsync("000901-0001", "700000000201", 12800, noon);
            await shop.SettledSaleAsync("000901-0002", "700000000202", 5000, noon);
            csv = AcquirerShop.Csv(shop.Line(day, "700000000201", 12800), shop.Line(day.AddDays(2), "700000000209", 100));
            var body = await shop.ImportAsync(csv);
            Assert.Equal((2, 1, 1), (body["rows"]!.GetValue<int>(), body["matched"]!.GetValue<int>(), body["creditedWithoutSale"]!.GetValue<int>()));
            id = body["id"]!.GetValue<long>();
        }

        await using var second = _database.Start();
        var item = Assert.Single((await second.UnsettledInAsync(shop.Store)).Items());
        Assert.Equal(("000901-0002", "not_credited"), (Expect.Wire(item["transactionId"]), Expect.Wire(item["reason"])));
        using var again = await AcquirerShop.UploadAsync(second, shop.Acquirer, System.Text.Encoding.UTF8.GetBytes(csv));
        await Expect.StatusAsync(again, HttpStatusCode.OK);
        Assert.Equal(id, (await Expect.JsonObjectAsync(again))["id"]!.GetValue<long>());
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
