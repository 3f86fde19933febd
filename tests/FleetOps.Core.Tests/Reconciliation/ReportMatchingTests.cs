using FleetOps.Core.Reconciliation;

namespace FleetOps.Core.Tests.Reconciliation;

/// <summary>The matching rules of PROTOCOL §11, line by line: what a finance clerk would expect of each report line.</summary>
public sealed class ReportMatchingTests
{
    private static readonly DateOnly Settled = new(2026, 11, 27);

    private static CreditCandidate Sale(string transactionId, long amount = 12_800, string rrn = "611234567890", string? authCode = "A1B2C3",
        DateOnly? settledOn = null, string terminal = "T-1", string? acquirerTerminal = "88000001", string? merchant = "898440153110001") =>
        new(terminal, transactionId, acquirerTerminal, merchant, rrn, authCode, amount, "CNY", settledOn ?? Settled);

    private static SettlementItem Line(int row = 2, long amount = 12_800, string rrn = "611234567890", string? authCode = "A1B2C3",
        DateOnly? bookedOn = null, string terminal = "88000001", string merchant = "898440153110001",
        SettlementItemType type = SettlementItemType.Sale, long fee = 50, string currency = "CNY") =>
        new(row, bookedOn ?? Settled.AddDays(1), merchant, terminal, rrn, authCode, amount, currency, "622848******1234", type, fee);

    private static CreditLedger Ledger(params CreditCandidate[] sales)
    {
        var ledger = new CreditLedger("unionpay");
        foreach (var sale in sales) ledger.AddSale(sale);
        return ledger;
    }

    private static List<ItemMatch> Import(CreditLedger ledger, params SettlementItem[] lines)
    {
        var matching = ledger.Begin();
        var matches = lines.Select(matching.Match).ToList();
        matching.Complete();
        return matches;
    }

    [Fact]
    public void A_credit_with_the_sales_terminal_rrn_and_amount_credits_it_with_the_booking_day()
    {
        var ledger = Ledger(Sale("tx-1"));

        var match = Assert.Single(Import(ledger, Line()));

        Assert.Equal(MatchKind.Credited, match.Kind);
        Assert.Equal("tx-1", match.Sale!.TransactionId);
        Assert.Equal(12_750, match.NetMinor);
        Assert.Equal(new CreditStatus(1, 0, Settled.AddDays(1), 50), ledger.StatusOf(new SaleKey("T-1", "tx-1")));
    }

    [Fact]
    public void Without_the_acquirers_terminal_id_the_merchant_id_finds_the_sale()
    {
        var ledger = Ledger(Sale("tx-1", acquirerTerminal: null));

        Assert.Equal(MatchKind.Credited, Import(ledger, Line(terminal: ""))[0].Kind);
    }

    [Fact]
    public void A_credit_naming_another_terminal_of_the_merchant_still_finds_the_sale_by_merchant()
    {
        // The terminal's acquirer id was never registered in FleetOps; the store's merchant id was.
        var ledger = Ledger(Sale("tx-1", acquirerTerminal: null));

        Assert.Equal(MatchKind.Credited, Import(ledger, Line(terminal: "88009999"))[0].Kind);
    }

    [Fact]
    public void A_credit_for_an_rrn_no_terminal_recorded_is_credited_without_a_sale()
    {
        var ledger = Ledger(Sale("tx-1"));

        var match = Import(ledger, Line(rrn: "619999999999"))[0];

        Assert.Equal(MatchKind.CreditedWithoutSale, match.Kind);
        Assert.Null(match.Sale);
        Assert.False(ledger.StatusOf(new SaleKey("T-1", "tx-1")).AnyCredit);
    }

    [Fact]
    public void A_credit_of_another_amount_is_a_mismatch_on_that_sale_and_not_a_credit()
    {
        var ledger = Ledger(Sale("tx-1"));

        var match = Import(ledger, Line(amount: 12_000))[0];

        Assert.Equal(MatchKind.AmountMismatch, match.Kind);
        Assert.Equal("tx-1", match.Sale!.TransactionId);
        Assert.Equal(new CreditStatus(0, 1, null, 0), ledger.StatusOf(new SaleKey("T-1", "tx-1")));
    }

    [Fact]
    public void The_same_amount_in_another_currency_is_a_mismatch()
    {
        var ledger = Ledger(Sale("tx-1"));

        Assert.Equal(MatchKind.AmountMismatch, Import(ledger, Line(currency: "HKD"))[0].Kind);
    }

    [Fact]
    public void A_second_credit_for_a_credited_sale_is_a_duplicate_credit_in_the_same_report_and_in_a_later_one()
    {
        var ledger = Ledger(Sale("tx-1"));

        var first = Import(ledger, Line(row: 2), Line(row: 3));
        var later = Import(ledger, Line(row: 2, bookedOn: Settled.AddDays(2)));

        Assert.Equal([MatchKind.Credited, MatchKind.DuplicateCredit], first.Select(m => m.Kind));
        Assert.Equal(MatchKind.DuplicateCredit, later[0].Kind);
        Assert.Equal(3, ledger.StatusOf(new SaleKey("T-1", "tx-1")).Credits);
    }

    [Fact]
    public void A_sale_keeps_the_day_and_fee_of_its_first_credit_whatever_a_duplicate_credit_carries()
    {
        var ledger = Ledger(Sale("tx-1"));

        Import(ledger, Line(row: 2, fee: 64));
        Import(ledger, Line(row: 2, bookedOn: Settled.AddDays(3), fee: 90));

        Assert.Equal(new CreditStatus(2, 0, Settled.AddDays(1), 64), ledger.StatusOf(new SaleKey("T-1", "tx-1")));
    }

    [Fact]
    public void The_same_lines_in_a_second_different_file_are_duplicate_rows_and_never_credit_twice()
    {
        var ledger = Ledger(Sale("tx-1"), Sale("tx-2", rrn: "611234567891"));
        Import(ledger, Line(row: 2), Line(row: 3, rrn: "611234567891"));

        // The next day's file repeats yesterday's two lines (at other positions) and adds nothing.
        var again = Import(ledger, Line(row: 7, rrn: "611234567891"), Line(row: 9));

        Assert.All(again, m => Assert.Equal(MatchKind.DuplicateRow, m.Kind));
        Assert.All(again, m => Assert.Equal(0, m.NetMinor));
        Assert.Equal(1, ledger.StatusOf(new SaleKey("T-1", "tx-1")).Credits);
    }

    [Fact]
    public void A_line_a_file_lists_twice_counts_as_a_duplicate_row_only_as_often_as_it_came_before()
    {
        var ledger = Ledger(Sale("tx-1"));
        Import(ledger, Line(row: 2));

        var next = Import(ledger, Line(row: 2), Line(row: 3));

        Assert.Equal([MatchKind.DuplicateRow, MatchKind.DuplicateCredit], next.Select(m => m.Kind));
    }

    [Fact]
    public void Two_sales_with_one_rrn_and_amount_are_told_apart_by_the_authorisation_code()
    {
        var ledger = Ledger(Sale("tx-1", authCode: "111111"), Sale("tx-2", authCode: "222222"));

        var matches = Import(ledger, Line(row: 2, authCode: "222222"), Line(row: 3, authCode: "111111"));

        Assert.Equal(["tx-2", "tx-1"], matches.Select(m => m.Sale!.TransactionId));
        Assert.All(matches, m => Assert.Equal(MatchKind.Credited, m.Kind));
    }

    [Fact]
    public void Without_an_authorisation_code_the_sale_settled_within_a_day_of_the_booking_wins()
    {
        var ledger = Ledger(Sale("tx-old", authCode: null, settledOn: Settled.AddDays(-20)), Sale("tx-new", authCode: null));

        var match = Import(ledger, Line(authCode: null, bookedOn: Settled.AddDays(1)))[0];

        Assert.Equal("tx-new", match.Sale!.TransactionId);
    }

    [Fact]
    public void A_sale_not_yet_credited_wins_a_tie_over_one_already_credited()
    {
        var ledger = Ledger(Sale("tx-1", authCode: null), Sale("tx-2", authCode: null));

        var matches = Import(ledger, Line(row: 2, authCode: null), Line(row: 3, authCode: null, fee: 51));

        Assert.Equal(["tx-1", "tx-2"], matches.Select(m => m.Sale!.TransactionId));
        Assert.All(matches, m => Assert.Equal(MatchKind.Credited, m.Kind));
    }

    [Theory]
    [InlineData(SettlementItemType.Refund)]
    [InlineData(SettlementItemType.Chargeback)]
    public void Refunds_and_chargebacks_are_linked_to_their_credited_sale_whatever_their_amount(SettlementItemType type)
    {
        var ledger = Ledger(Sale("tx-1"));
        Import(ledger, Line());

        var debit = Import(ledger, Line(row: 2, amount: 5_000, type: type, fee: 0, bookedOn: Settled.AddDays(3)))[0];

        Assert.Equal(MatchKind.Debit, debit.Kind);
        Assert.Equal("tx-1", debit.Sale!.TransactionId);
        Assert.Equal(-5_000, debit.NetMinor);
        Assert.Equal(1, ledger.StatusOf(new SaleKey("T-1", "tx-1")).Credits);
    }

    [Fact]
    public void A_refund_for_a_sale_no_terminal_recorded_is_a_debit_without_a_sale()
    {
        var ledger = Ledger(Sale("tx-1"));

        Assert.Equal(MatchKind.DebitWithoutSale, Import(ledger, Line(rrn: "610000000000", type: SettlementItemType.Refund))[0].Kind);
    }

    [Fact]
    public void A_report_that_is_never_completed_leaves_the_ledger_as_it_was()
    {
        var ledger = Ledger(Sale("tx-1"));

        var abandoned = ledger.Begin();
        Assert.Equal(MatchKind.Credited, abandoned.Match(Line()).Kind);

        Assert.False(ledger.StatusOf(new SaleKey("T-1", "tx-1")).AnyCredit);
        Assert.Null(ledger.CoveredThrough);
        Assert.Equal(MatchKind.Credited, Import(ledger, Line())[0].Kind);
    }

    [Fact]
    public void Loading_the_same_sale_twice_does_not_make_it_two_candidates()
    {
        var ledger = Ledger(Sale("tx-1"), Sale("tx-1"));

        Assert.Equal([MatchKind.Credited, MatchKind.DuplicateCredit], Import(ledger, Line(row: 2), Line(row: 3)).Select(m => m.Kind));
        Assert.Equal(1, ledger.SaleCount);
    }

    [Fact]
    public void Sales_of_other_terminals_with_the_same_rrn_are_never_named_and_leaving_the_ledger_keeps_the_others_findable()
    {
        // RRNs repeat across terminals (each terminal numbers its own): the ledger finds a sale by RRN, then by terminal.
        var ledger = Ledger(
            Sale("tx-a", terminal: "T-A", acquirerTerminal: "88000001", merchant: "898440153110001"),
            Sale("tx-b", terminal: "T-B", acquirerTerminal: "88000002", merchant: "898440153110002"),
            Sale("tx-c", terminal: "T-C", acquirerTerminal: "88000003", merchant: "898440153110003"));

        var evicted = ledger.Evict(_ => true, sale => sale.TransactionId != "tx-b");

        Assert.Equal("tx-b", Assert.Single(evicted).Sale.TransactionId);
        var matches = Import(ledger,
            Line(row: 2, terminal: "88000003", merchant: "898440153110003"),
            Line(row: 3, terminal: "88000002", merchant: "898440153110002"),
            Line(row: 4, terminal: "88000001", merchant: "898440153110001"));
        Assert.Equal([("tx-c", MatchKind.Credited), (null, MatchKind.CreditedWithoutSale), ("tx-a", MatchKind.Credited)],
            matches.Select(m => (m.Sale?.TransactionId, m.Kind)));
        Assert.Equal(2, ledger.SaleCount);
        Assert.Equal(default, ledger.StatusOf(new SaleKey("T-B", "tx-b")));
    }
}
