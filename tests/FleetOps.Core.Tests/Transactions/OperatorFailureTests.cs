using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;

namespace FleetOps.Core.Tests.Transactions;

/// <summary>Which sales count as operator-caused failures, open or closed since.</summary>
public sealed class OperatorFailureTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly DetectionOptions _options = new(); // completion timeout 300 s

    private static TransactionRecord Sale(params (TransactionStage Stage, int Seconds)[] stages)
    {
        var events = stages.Select((s, i) => new TransactionEvent($"e-{i}", T.AddSeconds(s.Seconds), "tx-1", s.Stage, 1000, "CNY")).ToList();
        return events.Skip(1).Aggregate(TransactionRecord.From("T-1", events[0]), (r, e) => r.With(e));
    }

    private bool Was(TransactionRecord sale, int nowSeconds, params int[] lossSeconds) =>
        OperatorFailure.Was(sale, lossSeconds.Select(s => (PowerLoss)T.AddSeconds(s)).ToList(), T.AddSeconds(nowSeconds), _options);

    [Fact]
    public void Open_past_the_timeout_without_a_power_loss_counts() =>
        Assert.True(Was(Sale((TransactionStage.Authorized, 0)), nowSeconds: 301));

    [Fact]
    public void Open_and_not_yet_due_does_not_count() =>
        Assert.False(Was(Sale((TransactionStage.Authorized, 0)), nowSeconds: 299));

    [Fact]
    public void A_power_loss_after_the_authorisation_explains_it() =>
        Assert.False(Was(Sale((TransactionStage.Authorized, 0)), nowSeconds: 900, lossSeconds: 20));

    [Fact]
    public void A_power_loss_hours_after_the_deadline_does_not_explain_it() =>
        Assert.True(Was(Sale((TransactionStage.Authorized, 0)), nowSeconds: 4 * 3600, lossSeconds: 3 * 3600));

    [Fact]
    public void A_power_loss_before_the_authorisation_does_not() =>
        Assert.True(Was(Sale((TransactionStage.Authorized, 0)), nowSeconds: 900, lossSeconds: -20));

    [Fact]
    public void Voided_after_the_timeout_still_counts_and_voided_in_time_does_not()
    {
        Assert.True(Was(Sale((TransactionStage.Authorized, 0), (TransactionStage.Voided, 600)), nowSeconds: 9000));
        Assert.False(Was(Sale((TransactionStage.Authorized, 0), (TransactionStage.Voided, 60)), nowSeconds: 9000));
    }

    [Fact]
    public void Reversed_after_a_loss_is_a_lost_sale_not_an_operator_failure() =>
        Assert.False(Was(Sale((TransactionStage.Authorized, 0), (TransactionStage.Reversed, 400)), nowSeconds: 9000, lossSeconds: 500));

    [Fact]
    public void A_completed_sale_never_counts() =>
        Assert.False(Was(Sale((TransactionStage.Authorized, 0), (TransactionStage.Completed, 900)), nowSeconds: 9000));

    [Fact]
    public void Agrees_with_the_live_verdict_for_open_sales()
    {
        var sale = Sale((TransactionStage.Authorized, 0));
        foreach (var (now, losses) in new[] { (301, Array.Empty<int>()), (900, [20]), (200, []) })
        {
            var lossTimes = losses.Select(s => (PowerLoss)T.AddSeconds(s)).ToList();
            Assert.Equal(UnsettledRule.Evaluate(sale, lossTimes, T.AddSeconds(now), _options).OperatorCaused, Was(sale, now, losses));
        }
    }
}
