using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Core.Tests.Transactions;

/// <summary>Sales counted per store and local day: started, completed, operator failures, and the day they belong to.</summary>
public sealed class SaleCounterTests
{
    // 16:00 UTC is midnight in Shanghai (UTC+8, no daylight saving).
    private static readonly DateTimeOffset ShanghaiMidnight = new(2026, 11, 20, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = ShanghaiMidnight.AddDays(3);
    private readonly DetectionOptions _options = new(); // completion timeout 300 s
    private readonly StoreDirectory _stores = new();
    private readonly FleetState _fleet;
    private int _ids;

    public SaleCounterTests()
    {
        _fleet = new FleetState(new FakeTimeProvider(Now), _options);
        _stores.Put(new StoreInfo("SH-1", "Xuhui", "East", "Asia/Shanghai"));
        _stores.Put(new StoreInfo("LON-1", "Soho", "West", "Europe/London"));
    }

    private SaleCounter Counter() => new(_fleet, _stores, Now, _options);

    private TransactionRecord Sale(DateTimeOffset at, params (TransactionStage Stage, int Seconds)[] stages)
    {
        var id = $"tx-{++_ids}";
        var events = stages.Select(s => new TransactionEvent($"e-{id}-{s.Stage}", at.AddSeconds(s.Seconds), id, s.Stage, 1000, "CNY")).ToList();
        return events.Skip(1).Aggregate(TransactionRecord.From("T-1", events[0]), (r, e) => r.With(e));
    }

    private TransactionRecord Completed(DateTimeOffset at) =>
        Sale(at, (TransactionStage.Authorized, 0), (TransactionStage.Completed, 30), (TransactionStage.Settled, 3600));

    [Fact]
    public void A_sale_at_midnight_in_the_stores_zone_counts_on_the_new_local_day()
    {
        var counter = Counter();
        counter.Offer(Completed(ShanghaiMidnight), "SH-1");
        counter.Offer(Completed(ShanghaiMidnight.AddMilliseconds(-1)), "SH-1");

        Assert.Equal(1, counter.Tally.Get("SH-1", new DateOnly(2026, 11, 21)).Started);
        Assert.Equal(1, counter.Tally.Get("SH-1", new DateOnly(2026, 11, 20)).Started);
    }

    [Fact]
    public void The_same_instant_falls_on_each_stores_own_date()
    {
        var counter = Counter();
        counter.Offer(Completed(ShanghaiMidnight.AddHours(1)), "SH-1"); // 01:00 on the 21st in Shanghai
        counter.Offer(Completed(ShanghaiMidnight.AddHours(1)), "LON-1"); // 17:00 on the 20th in London

        Assert.Equal(1, counter.Tally.Get("SH-1", new DateOnly(2026, 11, 21)).Completed);
        Assert.Equal(1, counter.Tally.Get("LON-1", new DateOnly(2026, 11, 20)).Completed);
    }

    [Fact]
    public void Started_completed_and_operator_failures_are_told_apart()
    {
        var counter = Counter();
        var day = ShanghaiMidnight.AddHours(10);
        counter.Offer(Completed(day), "SH-1");
        counter.Offer(Sale(day, (TransactionStage.Authorized, 0)), "SH-1"); // left incomplete, no power loss: the operator
        counter.Offer(Sale(day, (TransactionStage.Authorized, 0), (TransactionStage.Voided, 60)), "SH-1"); // voided in time: not a failure
        counter.Offer(Sale(day, (TransactionStage.Declined, 0)), "SH-1"); // never authorised: not a sale started

        Assert.Equal(new SaleCounts(3, 1, 1), counter.Tally.Get("SH-1", new DateOnly(2026, 11, 21)));
    }

    [Fact]
    public void A_sale_in_progress_counts_only_once_it_completes_or_its_completion_timeout_passes()
    {
        var counter = Counter();
        counter.Offer(Sale(Now.AddSeconds(-20), (TransactionStage.Authorized, 0)), "SH-1"); // the customer is still at the till
        counter.Offer(Sale(Now.AddSeconds(-20), (TransactionStage.Authorized, 0), (TransactionStage.Completed, 15)), "SH-1");
        counter.Offer(Sale(Now.AddSeconds(-20), (TransactionStage.Authorized, 0), (TransactionStage.Voided, 10)), "SH-1"); // undone: decided
        counter.Offer(Sale(Now.AddSeconds(-301), (TransactionStage.Authorized, 0)), "SH-1"); // past the 300 s: incomplete

        // The one in progress is left out: three started (completed, voided, past its timeout), one completed, one operator
        // failure. Counted, it made four started and the rate 25 % instead of 33 %.
        Assert.Equal(new SaleCounts(3, 1, 1), counter.Tally.Get("SH-1", counter.DayOf("SH-1", Now.AddSeconds(-20))));
    }

    [Fact]
    public void A_sale_completed_before_its_authorisation_arrives_is_started_and_completed()
    {
        var counter = Counter();
        counter.Offer(Sale(ShanghaiMidnight.AddHours(10), (TransactionStage.Completed, 0)), "SH-1");

        Assert.Equal(new SaleCounts(1, 1, 0), counter.Tally.Get("SH-1", new DateOnly(2026, 11, 21)));
    }

    [Fact]
    public void A_day_without_sales_has_no_entry_and_no_rate()
    {
        var counter = Counter();
        counter.Offer(Completed(ShanghaiMidnight.AddHours(10)), "SH-1");

        var empty = counter.Tally.Get("SH-1", new DateOnly(2026, 11, 22));
        Assert.Equal(default, empty);
        Assert.Null(empty.SuccessRate);
        Assert.Null(empty.FailuresPerThousand);
        Assert.Equal(1, counter.Tally.Count);
    }

    [Fact]
    public void Removing_a_sale_takes_back_exactly_what_it_added()
    {
        var counter = Counter();
        var open = counter.Offer(Sale(ShanghaiMidnight.AddHours(10), (TransactionStage.Authorized, 0)), "SH-1");
        counter.Tally.Remove(open);

        Assert.Equal(0, counter.Tally.Count);
    }

    [Fact]
    public void Rates_are_completed_over_started_and_failures_per_thousand()
    {
        var counts = new SaleCounts(400, 392, 2);
        Assert.Equal(0.98, counts.SuccessRate!.Value, 6);
        Assert.Equal(5.0, counts.FailuresPerThousand!.Value, 6);
    }
}
