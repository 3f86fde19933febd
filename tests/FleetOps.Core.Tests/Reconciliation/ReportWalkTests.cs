using FleetOps.Core.Reconciliation;

namespace FleetOps.Core.Tests.Reconciliation;

/// <summary>
/// A report walked day by day (<see cref="CreditLedger.BeginWalk"/>, what the import does): its changes are made in the
/// ledger at once and leave with the sales, so the import stores exactly the sales a report changed.
/// </summary>
public sealed class ReportWalkTests
{
    private static readonly DateOnly Settled = new(2026, 11, 27);

    private static CreditCandidate Sale(string transactionId, string rrn, long amount = 12_800) =>
        new("T-1", transactionId, "88000001", "898440153110001", rrn, "A1B2C3", amount, "CNY", Settled);

    private static SettlementItem Line(string rrn, int row = 2, long amount = 12_800, long fee = 50) =>
        new(row, Settled.AddDays(1), "898440153110001", "88000001", rrn, "A1B2C3", amount, "CNY", null, SettlementItemType.Sale, fee);

    [Fact]
    public void A_walks_changes_leave_with_their_sales_marked_changed_and_untouched_sales_leave_unmarked()
    {
        var ledger = new CreditLedger("unionpay");
        ledger.AddSale(Sale("tx-credited", "611000000001"));
        ledger.AddSale(Sale("tx-wrong", "611000000002"));
        ledger.AddSale(Sale("tx-untouched", "611000000003"));
        ledger.Restore(new SaleKey("T-1", "tx-untouched"), new CreditStatus(1, 0, Settled, 40));
        var walk = ledger.BeginWalk();

        walk.Match(Line("611000000001", fee: 64));
        walk.Match(Line("611000000002", row: 3, amount: 100));

        var left = ledger.Evict(_ => true).ToDictionary(l => l.Sale.TransactionId);
        Assert.Equal(new LeavingSale(left["tx-credited"].Sale, new CreditStatus(1, 0, Settled.AddDays(1), 64), Changed: true), left["tx-credited"]);
        Assert.Equal((new CreditStatus(0, 1, null, 0), true), (left["tx-wrong"].Status, left["tx-wrong"].Changed));
        Assert.Equal((new CreditStatus(1, 0, Settled, 40), false), (left["tx-untouched"].Status, left["tx-untouched"].Changed));
    }

    [Fact]
    public void In_a_walk_a_line_an_earlier_report_had_is_a_duplicate_row_as_often_as_it_was_there_and_new_repeats_still_count()
    {
        var ledger = new CreditLedger("unionpay");
        ledger.AddSale(Sale("tx-1", "611000000001"));
        ledger.AddSale(Sale("tx-2", "611000000002"));
        ledger.RestoreLine(CreditLedger.Fingerprint(Line("611000000001")), timesInOneReport: 1);
        var walk = ledger.BeginWalk();

        var kinds = new[] { Line("611000000001"), Line("611000000001", row: 3), Line("611000000002", row: 4), Line("611000000002", row: 5) }
            .Select(l => walk.Match(l).Kind);

        Assert.Equal([MatchKind.DuplicateRow, MatchKind.Credited, MatchKind.Credited, MatchKind.DuplicateCredit], kinds);
    }

    [Fact]
    public void A_walk_is_never_completed()
    {
        var ledger = new CreditLedger("unionpay");

        Assert.Throws<InvalidOperationException>(() => ledger.BeginWalk().Complete());
    }

    /// <summary>
    /// The import restores a range of settlement days again when a sale read late reaches back into days already walked
    /// (CreditWindow.LoadSalesAsync): a sale the walk already credited keeps this report's credit.
    /// </summary>
    [Fact]
    public void A_restore_after_a_walks_change_does_not_undo_the_change()
    {
        var ledger = new CreditLedger("unionpay");
        ledger.AddSale(Sale("tx-1", "611000000001"));
        var stored = new CreditStatus(0, 1, null, 0); // an earlier report's wrong-amount credit
        ledger.Restore(new SaleKey("T-1", "tx-1"), stored);
        var walk = ledger.BeginWalk();

        Assert.Equal(MatchKind.Credited, walk.Match(Line("611000000001", fee: 64)).Kind);
        ledger.Restore(new SaleKey("T-1", "tx-1"), stored); // the same stored row, restored again later in the walk

        var left = Assert.Single(ledger.Evict(_ => true));
        Assert.Equal((new CreditStatus(1, 1, Settled.AddDays(1), 64), true), (left.Status, left.Changed));
    }
}
