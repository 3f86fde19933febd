using System.Net;
using System.Text;
using FleetOps.Web.Onboarding;
using FleetOps.Web.Persistence;
using FleetOps.Web.Reconciliation;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Persistence;
using FleetOps.Web.Tests.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// Two nodes on one PostgreSQL (issue 17), each with its own service and context factory, import two reports of one
    /// acquirer at once. Both judge the same sales; without the acquirer's advisory lock each would read the state before
    /// the other and its verdicts would overwrite the other's credit. With it they end as one after the other.
    /// </summary>
    [PostgresFact]
    public async Task Two_nodes_importing_reports_of_one_acquirer_at_once_end_as_one_after_the_other()
    {
        var noon = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(-5).AddHours(4), TimeSpan.Zero);
        await using var app = _database.Start();
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000902-0001", "700000000221", 1000, noon);
        await shop.SettledSaleAsync("000902-0002", "700000000222", 2000, noon);
        await shop.SettledSaleAsync("000902-0003", "700000000223", 3000, noon);
        var nodeA = app.GetService<ReconciliationService>();
        var factoryB = ActivatorUtilities.CreateInstance<FleetDbContextFactory>(app.Services);
        var nodeB = ActivatorUtilities.CreateInstance<ReconciliationService>(app.Services, factoryB);
        // Each report alone covers the sales' credit days and credits one of them.
        var reportA = AcquirerShop.Csv(shop.Line(day.AddDays(1), "700000000221", 1000), shop.Line(day.AddDays(2), "700000000228", 100));
        var reportB = AcquirerShop.Csv(shop.Line(day.AddDays(2), "700000000222", 2000), shop.Line(day, "700000000229", 100));

        var outcomes = await Task.WhenAll(ImportAsync(nodeA, shop, reportA, "a.csv"), ImportAsync(nodeB, shop, reportB, "b.csv"));

        Assert.All(outcomes, o => Assert.Equal(ReportImportStatus.Imported, o.Status));
        var item = Assert.Single((await app.UnsettledInAsync(shop.Store)).Items());
        Assert.Equal(("000902-0003", "not_credited"), (Expect.Wire(item["transactionId"]), Expect.Wire(item["reason"])));
        await using var db = factoryB.CreateDbContext();
        var stored = await db.SaleCredits.AsNoTracking().Where(c => c.Acquirer == shop.Acquirer).OrderBy(c => c.TransactionId)
            .Select(c => new { c.TransactionId, c.Credits, Proven = c.NotCreditedReportId != null }).ToListAsync();
        Assert.Equal([("000902-0001", 1, false), ("000902-0002", 1, false), ("000902-0003", 0, true)],
            stored.Select(c => (c.TransactionId, c.Credits, c.Proven)).ToList());
    }

    private static async Task<ReportImportOutcome> ImportAsync(ReconciliationService node, AcquirerShop shop, string csv, string fileName)
    {
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await node.ImportAsync(new ReportUpload(fileName, ImportFormat.Csv, shop.Acquirer, null, "admin@example.test"), content);
    }

    /// <summary>
    /// On PostgreSQL a sale's credit state is upserted in the report's transaction: a sale settled before the report's
    /// days and credited on two of them is judged once, as a duplicate credit, and written once.
    /// </summary>
    [PostgresFact]
    public async Task A_sale_settled_before_the_walk_credited_on_two_days_is_one_credited_and_one_duplicate_credit()
    {
        await using var app = _database.Start();
        var shop = await AcquirerShop.OpenAsync(app);
        var settled = await shop.SettledSaleAsync("000953-0001", "700000000971", 3000,
            new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(-20).AddHours(4), TimeSpan.Zero));
        var day = settled.AddDays(10);

        await shop.ImportAsync(AcquirerShop.Csv(
            shop.Line(day, "700000000971", 3000, feeMinor: 50),
            shop.Line(day.AddDays(1), "700000000971", 3000, feeMinor: 51)));

        Assert.Equal(["credited", "duplicate_credit"], await shop.LineKindsAsync());
        var credit = await shop.CreditAsync("000953-0001");
        Assert.Equal((2, (DateOnly?)day, 50L), (credit.Credits, credit.CreditedOn, credit.FeeMinor));
    }

    public Task InitializeAsync() => _database.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
