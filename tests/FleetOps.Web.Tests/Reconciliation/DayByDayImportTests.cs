using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;
using FleetOps.Web.Tests.Transactions;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// The import walks a report day by day with a window of the sales a day's credits can name (settlement day − 1 …
/// + CreditWithinDays + 1, PROTOCOL §11) instead of every sale of the report's days at once: the edges of that window
/// must match what the whole-report ledger matched — credits two and three days after settlement, a report of many days
/// written in any order, a sale settled before the report's first day.
/// </summary>
public sealed class DayByDayImportTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    private static DateTimeOffset Noon(int daysAgo) => new(DateTimeOffset.UtcNow.Date.AddDays(-daysAgo).AddHours(4), TimeSpan.Zero);

    [Fact]
    public async Task Report_of_many_days_in_reverse_order_credits_each_sale_and_proves_the_missing_one()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var a = await shop.SettledSaleAsync("000801-0001", "700000000301", 1000, Noon(12));
        var b = await shop.SettledSaleAsync("000801-0002", "700000000302", 2000, Noon(9));
        await shop.SettledSaleAsync("000801-0003", "700000000303", 3000, Noon(7));
        var d = await shop.SettledSaleAsync("000801-0004", "700000000304", 4000, Noon(5));

        // Newest day first: the acquirer's order, not the booking days', must not matter.
        var body = await shop.ImportAsync(AcquirerShop.Csv(
            shop.Line(d.AddDays(3), "700000000399", 100),          // credited without a sale: the report reaches d + 3
            shop.Line(d.AddDays(2), "700000000304", 4000),         // two days after settlement
            shop.Line(b.AddDays(3), "700000000302", 2000),         // three days after: the window's far edge
            shop.Line(a.AddDays(1), "700000000301", 1000)));

        Assert.Equal((4, 3, 1), (Int(body, "rows"), Int(body, "matched"), Int(body, "creditedWithoutSale")));
        var reasons = (await app.UnsettledInAsync(shop.Store)).Items()
            .Select(i => (Expect.Wire(i["transactionId"]), Expect.Wire(i["reason"]))).ToList();
        Assert.Equal([("000801-0003", "not_credited")], reasons);
    }

    [Fact]
    public async Task Sale_settled_before_the_reports_first_day_is_credited_by_it()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var settled = await shop.SettledSaleAsync("000802-0001", "700000000311", 12800, Noon(8));
        await shop.SettledSaleAsync("000802-0002", "700000000312", 5000, Noon(8));

        var body = await shop.ImportAsync(AcquirerShop.Csv(
            shop.Line(settled.AddDays(2), "700000000311", 12800),
            shop.Line(settled.AddDays(4), "700000000319", 100)));

        Assert.Equal((2, 1, 1), (Int(body, "rows"), Int(body, "matched"), Int(body, "creditedWithoutSale")));
        // The other sale's credit days (settlement … + 2) are not all covered by this report: nothing is proven of it.
        Assert.Empty((await app.UnsettledInAsync(shop.Store)).Items());
    }

    [Fact]
    public async Task Credits_outside_the_window_still_find_their_sale_as_PROTOCOL_matches_without_a_date_bound()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var late = await shop.SettledSaleAsync("000803-0001", "700000000321", 1000, Noon(12));
        var farEdge = await shop.SettledSaleAsync("000803-0002", "700000000322", 2000, Noon(7));
        var nearEdge = await shop.SettledSaleAsync("000803-0003", "700000000323", 3000, Noon(5));
        var early = await shop.SettledSaleAsync("000803-0004", "700000000324", 4000, Noon(2));

        // The report covers the booking days 6 … 4 days ago.
        var body = await shop.ImportAsync(AcquirerShop.Csv(
            shop.Line(late.AddDays(6), "700000000321", 1000),       // six days after settlement: before, a credit without a sale
            shop.Line(farEdge.AddDays(3), "700000000322", 2000),    // three days after: the window's far edge
            shop.Line(nearEdge.AddDays(-1), "700000000323", 3000),  // the day before settlement: the window's near edge
            shop.Line(early.AddDays(-2), "700000000324", 4000)));   // two days before settlement: before, a credit without a sale

        Assert.Equal((4, 4, 0), (Int(body, "rows"), Int(body, "matched"), Int(body, "creditedWithoutSale")));
        Assert.Empty((await app.UnsettledInAsync(shop.Store)).Items());
    }

    [Fact]
    public async Task Sales_settled_at_the_edges_of_a_far_time_zones_day_are_credited()
    {
        // The window reads a day's sales by UTC bounds drawn from the stores' offsets: the first sale the walk loads
        // (settled 00:30 on its first day, UTC+14) and the last (settled 23:30 on its last day, UTC−11) sit a few hours
        // inside them. The report has one day, 5 days ago; the walk loads sales settled 8 … 4 days ago.
        var today = DateTimeOffset.UtcNow.Date;
        var east = await AcquirerShop.OpenAsync(app, timeZone: "Pacific/Kiritimati");
        var first = await east.SettledSaleAsync("000804-0001", "700000000331", 1000, new DateTimeOffset(today.AddDays(-9).AddHours(10.5), TimeSpan.Zero));
        var west = await AcquirerShop.OpenAsync(app, timeZone: "Pacific/Pago_Pago");
        var last = await west.SettledSaleAsync("000804-0002", "700000000332", 2000, new DateTimeOffset(today.AddDays(-3).AddHours(10.5), TimeSpan.Zero));
        var booked = DateOnly.FromDateTime(today.AddDays(-5));
        Assert.Equal((booked.AddDays(-3), booked.AddDays(1)), (first, last));

        var eastBody = await east.ImportAsync(AcquirerShop.Csv(east.Line(booked, "700000000331", 1000)));
        var westBody = await west.ImportAsync(AcquirerShop.Csv(west.Line(booked, "700000000332", 2000)));

        Assert.Equal((1, 0), (Int(eastBody, "matched"), Int(eastBody, "creditedWithoutSale")));
        Assert.Equal((1, 0), (Int(westBody, "matched"), Int(westBody, "creditedWithoutSale")));
    }

    /// <summary>
    /// A sale whose terminal clock put its settlement before its authorisation is read late, and the walk then restores
    /// the stored credit states of those earlier settlement days again: a sale this report already credited on such a
    /// day keeps this report's credit (it lost it, and the stored state went back to the earlier report's).
    /// </summary>
    [Fact]
    public async Task A_sale_read_late_does_not_undo_a_credit_the_walk_already_gave_to_a_sale_of_its_day()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000951-0001", "700000000951", 1000, Noon(10));
        // Sale B: settled on the same day, its authorisation stamped two days later (a terminal clock set wrong).
        await app.PostAcceptedAsync(shop.Key, shop.TerminalId,
            Transaction("000951-0002:a", Noon(8), "000951-0002", "authorized", 2000, rrn: "700000000952"),
            Transaction("000951-0002:c", Noon(8).AddMinutes(1), "000951-0002", "completed", 2000, rrn: "700000000952"),
            Transaction("000951-0002:s", Noon(10), "000951-0002", "settled", 2000, rrn: "700000000952"));

        // An earlier report: a wrong-amount credit of sale A, stored as its credit state (no credit, one mismatch).
        await shop.ImportAsync(AcquirerShop.Csv(shop.Line(day, "700000000951", 999)), fileName: "first.csv");
        Assert.Equal((0, 1, (DateOnly?)null, 0L), State(await shop.CreditAsync("000951-0001")));

        // This report credits A on its day, and B the day after.
        var body = await shop.ImportAsync(AcquirerShop.Csv(
            shop.Line(day, "700000000951", 1000, feeMinor: 64),
            shop.Line(day.AddDays(1), "700000000952", 2000)), fileName: "second.csv");

        Assert.Equal(2, Int(body, "matched"));
        var b = State(await shop.CreditAsync("000951-0002"));
        Assert.Equal((1, 0), (b.Credits, b.Mismatches));
        Assert.Equal((1, 1, (DateOnly?)day, 64L), State(await shop.CreditAsync("000951-0001")));
    }

    /// <summary>
    /// A sale settled long before the report's days is named twice by it, on two days: the second right credit is a
    /// duplicate. The sale used to leave the walk after its first day and come back with the stored state from before this
    /// report, so the second credit was taken for the first and the double credit went unreported.
    /// </summary>
    [Fact]
    public async Task A_sale_settled_before_the_walk_credited_on_two_days_of_one_report_is_a_duplicate_credit()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var settled = await shop.SettledSaleAsync("000952-0001", "700000000961", 3000, Noon(20));
        var day = DateOnly.FromDateTime(Noon(10).UtcDateTime);
        Assert.True(settled < day);

        // The second line is a second right credit (another fee, so not a repeated row).
        await shop.ImportAsync(AcquirerShop.Csv(
            shop.Line(day, "700000000961", 3000, feeMinor: 50),
            shop.Line(day.AddDays(1), "700000000961", 3000, feeMinor: 51)));

        Assert.Equal(["credited", "duplicate_credit"], await shop.LineKindsAsync());
        // The first right credit sets the day and the fee.
        Assert.Equal((2, 0, (DateOnly?)day, 50L), State(await shop.CreditAsync("000952-0001")));
    }

    /// <summary>
    /// The CreditFees migration left a stored credit state's currency empty when it could not find the sale's transaction;
    /// the next report that judges the sale writes it, so its fee is summed under its currency.
    /// </summary>
    [Fact]
    public async Task A_stored_credit_state_without_a_currency_gets_it_from_the_next_report()
    {
        var shop = await AcquirerShop.OpenAsync(app);
        var day = await shop.SettledSaleAsync("000954-0001", "700000000981", 1500, Noon(9));
        await shop.ImportAsync(AcquirerShop.Csv(shop.Line(day, "700000000981", 1499)), fileName: "first.csv");
        await using (var db = app.GetService<FleetDbContextFactory>().CreateDbContext())
        {
            Assert.Equal(1, await db.SaleCredits.Where(c => c.TerminalId == shop.TerminalId)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Currency, "")));
        }

        await shop.ImportAsync(AcquirerShop.Csv(shop.Line(day.AddDays(1), "700000000981", 1500, feeMinor: 7)), fileName: "second.csv");

        var credit = await shop.CreditAsync("000954-0001");
        Assert.Equal(("CNY", 1, 7L), (credit.Currency, credit.Credits, credit.FeeMinor));
    }

    private static (int Credits, int Mismatches, DateOnly? CreditedOn, long FeeMinor) State(SaleCreditRow credit) =>
        (credit.Credits, credit.Mismatches, credit.CreditedOn, credit.FeeMinor);

    private static int Int(System.Text.Json.Nodes.JsonObject o, string name) => o[name]!.GetValue<int>();
}
