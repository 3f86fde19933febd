using FleetOps.Core.Reconciliation;

namespace FleetOps.Core.Tests.Reconciliation;

/// <summary>Issue 16: the acquirer scorecard — credit delay (median, p95), never credited or wrong, fees.</summary>
public sealed class AcquirerScorecardTests
{
    private static readonly DateOnly From = new(2026, 9, 1);
    private static readonly DateOnly Through = new(2026, 11, 29);

    private static ScoredSale Credited(string acquirer, int settledDay, int delayDays, long fee = 0, string currency = "CNY")
    {
        var settled = From.AddDays(settledDay);
        return new ScoredSale(acquirer, settled, settled.AddDays(delayDays), false, false, fee, currency);
    }

    private static ScoredSale Missing(string acquirer, int settledDay) => new(acquirer, From.AddDays(settledDay), null, false, true, 0, "CNY");

    [Fact]
    public void Median_and_p95_come_from_a_known_table_of_delays()
    {
        // Twenty credits: delays 1 (×10), 2 (×8), 5, 9. Nearest rank: median = 10th value = 1, p95 = 19th value = 5.
        var sales = Enumerable.Range(0, 10).Select(i => Credited("unionpay", i, 1))
            .Concat(Enumerable.Range(0, 8).Select(i => Credited("unionpay", i, 2)))
            .Append(Credited("unionpay", 3, 5))
            .Append(Credited("unionpay", 4, 9));

        var score = Assert.Single(AcquirerScorecard.Compute(sales, [], From, Through));

        Assert.Equal(1, score.MedianDelayDays);
        Assert.Equal(5, score.P95DelayDays);
        Assert.Equal(20, score.Credited);
    }

    [Fact]
    public void Sales_grouped_by_the_database_score_as_the_same_sales_one_by_one()
    {
        // The known table again (delays 1 ×10, 2 ×8, 5, 9), as the figures read it: alike sales counted, fees summed.
        var settled = From.AddDays(3);
        var sales = new[]
        {
            new ScoredSale("unionpay", settled, settled.AddDays(1), false, false, 1000, "CNY", 10),
            new ScoredSale("unionpay", settled, settled.AddDays(2), false, false, 800, "CNY", 8),
            new ScoredSale("unionpay", settled, settled.AddDays(5), true, false, 100, "CNY"),
            new ScoredSale("unionpay", settled, settled.AddDays(9), false, false, 100, "CNY"),
            new ScoredSale("unionpay", settled, null, false, true, 0, "", 5),
        };

        var score = Assert.Single(AcquirerScorecard.Compute(sales, [], From, Through));

        Assert.Equal((25, 20, 1, 5), (score.Sales, score.Credited, score.MedianDelayDays, score.P95DelayDays));
        Assert.Equal((5, 1), (score.NeverCredited, score.CreditedWrong));
        Assert.Equal(new AcquirerFees("CNY", 2000, 20), Assert.Single(score.Fees));
    }

    [Fact]
    public void Ties_at_the_middle_give_a_day_that_occurred_not_an_average()
    {
        var sales = new[] { Credited("a", 0, 1), Credited("a", 1, 1), Credited("a", 2, 3), Credited("a", 3, 3) };

        var score = Assert.Single(AcquirerScorecard.Compute(sales, [], From, Through));

        Assert.Equal(1, score.MedianDelayDays);
        Assert.Equal(3, score.P95DelayDays);
    }

    [Fact]
    public void All_equal_delays_give_that_delay_for_both_figures()
    {
        var sales = Enumerable.Range(0, 7).Select(i => Credited("a", i, 2));

        var score = Assert.Single(AcquirerScorecard.Compute(sales, [], From, Through));

        Assert.Equal(2, score.MedianDelayDays);
        Assert.Equal(2, score.P95DelayDays);
    }

    [Fact]
    public void An_acquirer_without_sales_gets_an_empty_line_not_zero_days()
    {
        var scores = AcquirerScorecard.Compute([Credited("unionpay", 0, 1)], ["lakala", "unionpay"], From, Through);

        var empty = scores.Single(s => s.Acquirer == "lakala");
        Assert.Equal(0, empty.Sales);
        Assert.Null(empty.MedianDelayDays);
        Assert.Null(empty.P95DelayDays);
        Assert.Equal(0, empty.NeverCreditedShare);
        Assert.Empty(empty.Fees);
        Assert.Equal(["lakala", "unionpay"], scores.Select(s => s.Acquirer));
    }

    [Fact]
    public void Shares_count_never_credited_and_credited_wrong_against_all_sales()
    {
        var sales = new[]
        {
            Credited("a", 0, 1), Credited("a", 1, 1), Missing("a", 2),
            new ScoredSale("a", From.AddDays(3), null, true, false, 0, "CNY"),
        };

        var score = Assert.Single(AcquirerScorecard.Compute(sales, [], From, Through));

        Assert.Equal(4, score.Sales);
        Assert.Equal(0.25, score.NeverCreditedShare);
        Assert.Equal(0.25, score.CreditedWrongShare);
    }

    [Fact]
    public void Fees_are_totalled_per_currency_and_divided_by_credited_sales_only()
    {
        var sales = new[] { Credited("a", 0, 1, fee: 30), Credited("a", 1, 1, fee: 45), Missing("a", 2), Credited("a", 2, 1, fee: 100, currency: "HKD") };

        var fees = Assert.Single(AcquirerScorecard.Compute(sales, [], From, Through)).Fees;

        Assert.Equal([new AcquirerFees("CNY", 75, 2), new AcquirerFees("HKD", 100, 1)], fees);
        Assert.Equal(38, fees[0].PerSaleMinor);
    }

    [Fact]
    public void Sales_settled_outside_the_window_are_left_out()
    {
        var sales = new[] { Credited("a", -1, 1), Credited("a", 0, 4), new ScoredSale("a", Through.AddDays(1), null, false, true, 0, "CNY") };

        var score = Assert.Single(AcquirerScorecard.Compute(sales, [], From, Through));

        Assert.Equal(1, score.Sales);
        Assert.Equal(4, score.MedianDelayDays);
        Assert.Equal(0, score.NeverCredited);
    }
}
