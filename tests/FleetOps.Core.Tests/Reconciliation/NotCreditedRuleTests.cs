using FleetOps.Core.Reconciliation;

namespace FleetOps.Core.Tests.Reconciliation;

/// <summary>PROTOCOL §11: a settled sale is not credited once the acquirer's reports reach two days past its settlement.</summary>
public sealed class NotCreditedRuleTests
{
    private static readonly DateOnly Settled = new(2026, 11, 28);
    private static readonly CreditCandidate Sale = new("T-1", "tx-1", "88000001", "898440153110001", "611234567890", "A1B2C3", 12_800, "CNY", Settled);

    private static SettlementItem Line(DateOnly bookedOn, string rrn = "611234567890", long amount = 12_800) =>
        new(2, bookedOn, "898440153110001", "88000001", rrn, null, amount, "CNY", null, SettlementItemType.Sale, 0);

    private static void Import(CreditLedger ledger, params SettlementItem[] lines)
    {
        var matching = ledger.Begin();
        foreach (var line in lines) matching.Match(line);
        matching.Complete();
    }

    [Fact]
    public void Before_any_report_nothing_is_not_credited()
    {
        var ledger = new CreditLedger("unionpay");
        ledger.AddSale(Sale);

        Assert.False(NotCreditedRule.Applies(ledger, Sale, 2));
    }

    [Fact]
    public void A_report_one_day_after_settlement_is_too_early_to_say_and_two_days_after_says_not_credited()
    {
        var ledger = new CreditLedger("unionpay");
        ledger.AddSale(Sale);

        Import(ledger, Line(Settled.AddDays(1), rrn: "619999999999"));
        Assert.False(NotCreditedRule.Applies(ledger, Sale, 2));

        Import(ledger, Line(Settled.AddDays(2), rrn: "619999999998"));
        Assert.True(NotCreditedRule.Applies(ledger, Sale, 2));
    }

    [Fact]
    public void A_not_credited_sale_credited_by_the_next_days_report_is_no_longer_not_credited()
    {
        var ledger = new CreditLedger("unionpay");
        ledger.AddSale(Sale);
        Import(ledger, Line(Settled.AddDays(2), rrn: "619999999999"));
        Assert.True(NotCreditedRule.Applies(ledger, Sale, 2));

        Import(ledger, Line(Settled.AddDays(3)));

        Assert.False(NotCreditedRule.Applies(ledger, Sale, 2));
        Assert.Equal(Settled.AddDays(3), ledger.StatusOf(SaleKey.Of(Sale)).CreditedOn);
    }

    [Fact]
    public void A_credit_of_the_wrong_amount_is_a_mismatch_not_an_absence()
    {
        var ledger = new CreditLedger("unionpay");
        ledger.AddSale(Sale);

        Import(ledger, Line(Settled.AddDays(2), amount: 12_000));

        Assert.False(NotCreditedRule.Applies(ledger, Sale, 2));
    }

    [Fact]
    public void The_setting_moves_the_day_the_absence_is_proven()
    {
        var ledger = new CreditLedger("unionpay");
        ledger.AddSale(Sale);

        Import(ledger, Line(Settled.AddDays(2), rrn: "619999999999"));

        Assert.False(NotCreditedRule.Applies(ledger, Sale, 3));
        Assert.True(NotCreditedRule.Applies(ledger, Sale, 1));
    }
}
