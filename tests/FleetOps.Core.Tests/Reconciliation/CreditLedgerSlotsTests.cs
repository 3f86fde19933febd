using FleetOps.Core.Reconciliation;

namespace FleetOps.Core.Tests.Reconciliation;

/// <summary>
/// The ledger keeps its sales in reused slots with RRNs and authorisation codes as numbers (issue 16's memory bound):
/// whatever it packs, a line finds the sale it named and the sale comes back exactly as it went in, across growth and
/// across the slots that leaving sales free.
/// </summary>
public sealed class CreditLedgerSlotsTests
{
    private static readonly DateOnly Day = new(2026, 11, 27);

    private static CreditCandidate Sale(int n, string? rrn = null, string? auth = "A1b2C3") =>
        new($"T-{n % 7}", $"tx-{n}", $"8800000{n % 7}", $"89844015311000{n % 3}", rrn ?? $"6112{n:D8}", auth, 1_000 + n, "CNY", Day.AddDays(n % 5));

    private static SettlementItem Line(CreditCandidate sale, bool byMerchant = false) =>
        new(2, sale.SettledOn.AddDays(1), sale.MerchantId ?? "", byMerchant ? "" : sale.AcquirerTerminalId ?? "", sale.Rrn, sale.AuthCode,
            sale.AmountMinor, sale.Currency, null, SettlementItemType.Sale, 0);

    [Theory]
    [InlineData("611234567890")]
    [InlineData("000000000042")] // leading zeros are part of the RRN
    [InlineData("42")]
    [InlineData("12345678901234567")] // the most digits a number holds
    [InlineData("123456789012345678")] // one more: kept as text
    [InlineData("61A234567890")]
    [InlineData("６１１２")] // full-width digits are not ASCII digits
    public void A_sale_comes_back_with_its_rrn_and_is_found_by_it_but_not_by_a_lookalike(string rrn)
    {
        var ledger = new CreditLedger("unionpay");
        var sale = Sale(1, rrn);
        ledger.AddSale(sale);

        var match = ledger.Begin().Match(Line(sale));
        var lookalike = ledger.Begin().Match(Line(sale with { Rrn = rrn.TrimStart('0') == rrn ? "0" + rrn : rrn.TrimStart('0') }));

        Assert.Equal((MatchKind.Credited, sale), (match.Kind, match.Sale));
        Assert.Equal(MatchKind.CreditedWithoutSale, lookalike.Kind);
        Assert.Equal(sale, Assert.Single(ledger.Evict(_ => true)).Sale);
    }

    [Theory]
    [InlineData("A1b2C3")]
    [InlineData("000123")]
    [InlineData("zZ09aA19Yy")] // ten letters and digits: the most a number holds
    [InlineData("zZ09aA19Yy1")]
    [InlineData("AB-12")]
    [InlineData("")]
    [InlineData(null)]
    public void A_sale_comes_back_with_its_authorisation_code_exactly(string? auth)
    {
        var ledger = new CreditLedger("unionpay");
        var sale = Sale(1, auth: auth);
        ledger.AddSale(sale);

        Assert.Equal(auth, Assert.Single(ledger.Evict(_ => true)).Sale.AuthCode);
    }

    [Theory]
    [InlineData("000123-0042")] // PROTOCOL's form: batch and sequence
    [InlineData("aiyisoukapoeqgoy")]
    [InlineData("tx_1")]
    [InlineData("0123456789abcdefghij")] // twenty symbols: the most two numbers hold
    [InlineData("0123456789abcdefghijk")] // one more: kept as text
    [InlineData("6f1c2a4e-8d3b-4b7a-9f00-1c2d3e4f5a6b")] // a UUID: text
    [InlineData("交易-1")]
    public void A_sale_comes_back_with_its_transaction_id_and_is_found_by_it_but_not_by_a_lookalike(string transactionId)
    {
        var ledger = new CreditLedger("unionpay");
        var sale = Sale(1) with { TransactionId = transactionId };
        var lookalike = sale with { TransactionId = "0" + transactionId, Rrn = "611299999999" };
        ledger.AddSale(sale);
        ledger.AddSale(lookalike);
        ledger.Restore(SaleKey.Of(sale), new CreditStatus(1, 0, Day, 30));

        Assert.False(ledger.AddSale(sale));
        Assert.Equal(new CreditStatus(1, 0, Day, 30), ledger.StatusOf(SaleKey.Of(sale)));
        Assert.Equal(default, ledger.StatusOf(SaleKey.Of(lookalike)));
        Assert.Equal(default, ledger.StatusOf(new SaleKey("T-9", transactionId)));
        Assert.Equal(sale, ledger.Begin().Match(Line(sale)).Sale);
        Assert.Equal([sale, lookalike], ledger.Evict(_ => true).Select(e => e.Sale).OrderBy(s => s.TransactionId.Length));
    }

    [Theory]
    [InlineData("abcdefghij", "ABCDEFGHIJ")] // case only
    [InlineData("abcdefghijklmnopqrst", "abcdefghijklmnopqrsT")]
    [InlineData("0123456789", "01234567890")] // ten symbols fill the first code: one more starts the second
    [InlineData("_", "-")]
    [InlineData("__________", "__________-")]
    [InlineData("", "0")]
    [InlineData("tx 1", "tx_1")] // a space is not packable: text beside a packed lookalike
    [InlineData("01234567890123456789", "0123456789012345678")]
    public void Two_ids_that_differ_stay_two_sales_and_each_comes_back_exactly(string a, string b)
    {
        var ledger = new CreditLedger("unionpay");
        var first = Sale(1) with { TransactionId = a };
        var second = Sale(8) with { TransactionId = b }; // the same terminal as Sale(1)
        Assert.True(ledger.AddSale(first));
        Assert.True(ledger.AddSale(second));
        ledger.Restore(SaleKey.Of(first), new CreditStatus(1, 0, Day, 11));

        Assert.Equal(default, ledger.StatusOf(SaleKey.Of(second)));
        Assert.Equal(new CreditStatus(1, 0, Day, 11), ledger.StatusOf(SaleKey.Of(first)));
        Assert.Equal(new HashSet<string>([a, b], StringComparer.Ordinal),
            ledger.Evict(_ => true).Select(l => l.Sale.TransactionId).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void Thousands_of_sales_added_and_evicted_in_waves_are_each_found_by_terminal_and_by_merchant_and_leave_once()
    {
        var ledger = new CreditLedger("unionpay");
        // More than one chunk of slots (8,192) in the first wave, and more again in the second.
        var sales = Enumerable.Range(0, 20_000).Select(n => Sale(n)).ToList();
        foreach (var sale in sales.Take(12_000)) Assert.True(ledger.AddSale(sale));
        Assert.False(ledger.AddSale(sales[10]));

        // The first wave's even sales leave; the second wave reuses their slots and grows the indexes.
        var left = ledger.Evict(_ => true, sale => int.Parse(sale.TransactionId[3..]) % 2 != 0).Select(e => e.Sale).ToList();
        foreach (var sale in sales.Skip(12_000)) Assert.True(ledger.AddSale(sale));

        Assert.Equal(sales.Take(12_000).Where((_, n) => n % 2 == 0), left);
        Assert.Equal(14_000, ledger.SaleCount);
        var staying = sales.Where((_, n) => n >= 12_000 || n % 2 == 1).ToList();
        Assert.All(staying, sale =>
        {
            Assert.Equal(sale, ledger.Begin().Match(Line(sale)).Sale);
            Assert.Equal(sale, ledger.Begin().Match(Line(sale, byMerchant: true)).Sale);
        });
        Assert.All(left, sale => Assert.False(ledger.Names(Line(sale))));
        Assert.Equal(staying.ToHashSet(), ledger.Evict(_ => true).Select(e => e.Sale).ToHashSet());
        Assert.Equal(0, ledger.SaleCount);
    }

    [Fact]
    public void A_sale_read_ahead_of_its_day_is_named_by_no_line_and_left_by_no_eviction_until_its_day_is_revealed()
    {
        var ledger = new CreditLedger("unionpay");
        var early = Sale(10) with { SettledOn = Day };
        var later = Sale(11) with { SettledOn = Day.AddDays(2) };
        Assert.True(ledger.AddUpcomingSale(early));
        Assert.True(ledger.AddUpcomingSale(later));
        Assert.False(ledger.AddSale(early));

        Assert.Equal(MatchKind.CreditedWithoutSale, ledger.Begin().Match(Line(early)).Kind);
        Assert.Empty(ledger.Evict(_ => true));
        Assert.Null(ledger.RevealThrough(Day.AddDays(-1)));

        Assert.Equal(Day, ledger.RevealThrough(Day.AddDays(1)));

        Assert.Equal(early, ledger.Begin().Match(Line(early)).Sale);
        Assert.False(ledger.Names(Line(later)));
        Assert.Equal([early], ledger.Evict(_ => true).Select(e => e.Sale));
        Assert.Equal(Day.AddDays(2), ledger.RevealThrough(Day.AddDays(5)));
        Assert.Equal(later, ledger.Begin().Match(Line(later)).Sale);
    }

    [Fact]
    public void An_eviction_in_slices_takes_every_sale_exactly_once()
    {
        var ledger = new CreditLedger("unionpay");
        var sales = Enumerable.Range(0, 50).Select(n => Sale(n)).ToList();
        foreach (var sale in sales) ledger.AddSale(sale);

        var slices = new List<int>();
        var left = new List<CreditCandidate>();
        var into = new List<LeavingSale>();
        while (ledger.Evict(_ => true, into: into, most: 16).Count > 0)
        {
            slices.Add(into.Count);
            left.AddRange(into.Select(e => e.Sale));
            into.Clear();
        }

        Assert.Equal([16, 16, 16, 2], slices);
        Assert.Equal(sales.ToHashSet(), left.ToHashSet());
        Assert.Equal(50, left.Count);
    }
}
