using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using Microsoft.Extensions.Time.Testing;
using static FleetOps.Core.Tests.TestSupport.WireEvents;

namespace FleetOps.Core.Tests.Transactions;

/// <summary>
/// Issue 8: one terminal made a currency's money at risk read "0.00 CNY · 3 payments" with amounts near 2^63.
/// Amounts above 10^12 minor units are refused, and totals of the largest allowed ones add up exactly.
/// </summary>
public sealed class MaximumAmountTests
{
    [Fact]
    public void Sales_of_the_maximum_amount_from_one_terminal_add_up_without_wrapping()
    {
        const int sales = 3_000;
        var clock = new FakeTimeProvider(ServerNow);
        var options = new DetectionOptions();
        var book = new TransactionBook(clock, options, new FleetState(clock, options));
        var records = new List<(TransactionRecord Record, string StoreCode)>();
        for (var i = 0; i < sales; i++)
        {
            var outcome = Parse(Transaction($"e-{i}").With("transactionId", $"tx-{i}").With("amountMinor", EventParser.MaxAmountMinor));
            var sale = Assert.IsType<TransactionEvent>(outcome.Event);
            records.Add((TransactionRecord.From("T-0001", sale), "S-1"));
        }
        book.Publish(records);
        clock.Advance(TimeSpan.FromSeconds(options.CompletionTimeoutSeconds + 60));
        book.Sweep();

        var risk = Assert.Single(book.Summary().Risk);
        Assert.Equal(("CNY", UnsettledReason.Incomplete, sales), (risk.Currency, risk.Reason, risk.Count));
        Assert.Equal(sales * EventParser.MaxAmountMinor, risk.AmountMinor);
        var trend = Assert.Single(MoneyAtRiskTrend.Daily(records, null, clock.GetUtcNow(), TimeZoneInfo.Utc, options).Currencies);
        Assert.Equal(sales * EventParser.MaxAmountMinor, trend.AmountMinor[^1]);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(EventParser.MaxAmountMinor + 1)]
    public void Amount_that_could_make_a_total_wrap_is_refused(long amount)
    {
        Assert.Null(Parse(Transaction().With("amountMinor", amount)).Event);
    }
}
