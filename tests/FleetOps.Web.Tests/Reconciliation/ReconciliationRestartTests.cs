using FleetOps.Core.Reconciliation;
using FleetOps.Web.Tests.Infrastructure;
using FleetOps.Web.Tests.Transactions;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// A not-credited sale is rebuilt from the database at start-up: back on the worklist with the report that proves it, and
/// its credit state kept, so the same lines after the restart are duplicates, not new credits.
/// </summary>
public sealed class ReconciliationRestartTests : IAsyncLifetime
{
    private readonly string _database = FleetOpsApp.NewDatabasePath();

    [Fact]
    public async Task Restart_keeps_not_credited_sales_with_their_proof_and_the_credits_already_seen()
    {
        var noon = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(-3).AddHours(4), TimeSpan.Zero);
        AcquirerShop shop;
        string credited;
        long reportId;
        await using (var first = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database, DeleteDatabaseOnDispose = false }))
        {
            shop = await AcquirerShop.OpenAsync(first);
            var day = await shop.SettledSaleAsync("000801-0001", "700000000101", 12800, noon);
            await shop.SettledSaleAsync("000801-0002", "700000000102", 5000, noon);
            credited = shop.Line(day, "700000000101", 12800);
            var body = await shop.ImportAsync(AcquirerShop.Csv(credited, shop.Line(day.AddDays(2), "700000000109", 100)));
            reportId = body["id"]!.GetValue<long>();
        }

        await using var second = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = _database });
        var item = Assert.Single((await second.UnsettledInAsync(shop.Store)).Items());
        Assert.Equal(("000801-0002", "not_credited"), (Expect.Wire(item["transactionId"]), Expect.Wire(item["reason"])));
        Assert.Equal(reportId, second.GetService<NotCreditedBook>().ProofOf(shop.TerminalId, "000801-0002")!.ReportId);
        var again = await AcquirerShop.ImportAgainAsync(second, shop, AcquirerShop.Csv(credited));
        Assert.Equal((0, 1), (again["matched"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        FleetOpsApp.DeleteDatabase(_database);
        return Task.CompletedTask;
    }
}
