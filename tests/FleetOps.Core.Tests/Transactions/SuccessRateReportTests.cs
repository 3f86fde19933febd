using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;

namespace FleetOps.Core.Tests.Transactions;

/// <summary>The success-rate report from day totals: lines per region, stores worst first, the window, the stores allowed.</summary>
public sealed class SuccessRateReportTests
{
    // 12:00 in Shanghai on 21 November.
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 21);
    private readonly StoreDirectory _stores = new();
    private readonly SaleDayTally _tally = new();

    public SuccessRateReportTests()
    {
        _stores.Put(new StoreInfo("E-1", "One", "East", "Asia/Shanghai"));
        _stores.Put(new StoreInfo("E-2", "Two", "East", "Asia/Shanghai"));
        _stores.Put(new StoreInfo("N-1", "Three", "North", "Asia/Shanghai"));
        _tally.Add("E-1", Today, new SaleCounts(100, 99, 0));
        _tally.Add("E-2", Today, new SaleCounts(100, 90, 4));
        _tally.Add("E-2", Today.AddDays(-40), new SaleCounts(10, 5, 5)); // outside 30 days, inside 90
        _tally.Add("N-1", Today.AddDays(-1), new SaleCounts(50, 49, 1));
    }

    [Fact]
    public void Regions_add_up_their_stores_days_and_stores_come_worst_first()
    {
        var report = SuccessRateReport.Build(_tally, _stores, null, Now);

        Assert.Equal(30, report.Dates.Count);
        Assert.Equal(Today, report.Dates[^1]);
        var east = Assert.Single(report.Lines, l => l.Name == "East");
        Assert.Equal(new SaleCounts(200, 189, 4), east.PerDay[^1]);
        Assert.Equal(default, east.PerDay[^2]); // a day without sales stays empty
        Assert.Equal(["E-2", "N-1", "E-1"], report.Stores.Select(s => s.StoreCode));
        Assert.Equal(new SaleCounts(250, 238, 5), report.Total);
        Assert.Null(report.CountedFrom); // the history reaches further back than the window
    }

    [Fact]
    public void Ninety_days_take_in_older_sales()
    {
        var report = SuccessRateReport.Build(_tally, _stores, null, Now, days: 90);

        Assert.Equal(new SaleCounts(110, 95, 9), report.Stores.Single(s => s.StoreCode == "E-2").Counts);
    }

    [Fact]
    public void Only_the_stores_allowed_and_the_region_chosen_are_counted()
    {
        var allowed = new HashSet<string>(["E-1", "N-1"], StringComparer.OrdinalIgnoreCase);

        var report = SuccessRateReport.Build(_tally, _stores, allowed, Now, region: "East");

        Assert.Equal(["E-1"], report.Stores.Select(s => s.StoreCode));
        Assert.Equal(["East"], report.Lines.Select(l => l.Name));
    }

    [Fact]
    public void A_chosen_store_has_its_own_line()
    {
        var report = SuccessRateReport.Build(_tally, _stores, new HashSet<string>(["N-1"]), Now, store: "N-1");

        Assert.Equal(["N-1"], report.Lines.Select(l => l.Name));
    }

    [Fact]
    public void A_history_shorter_than_the_window_says_where_it_starts()
    {
        var report = SuccessRateReport.Build(_tally, _stores, new HashSet<string>(["E-1"]), Now);

        Assert.Equal(Today, report.CountedFrom);
    }

    [Fact]
    public void Each_marker_is_compared_over_the_stores_shown()
    {
        var report = SuccessRateReport.Build(_tally, _stores, null, Now, markers: [Today.AddDays(-1), Today.AddDays(-20)]);

        Assert.Equal([Today.AddDays(-20), Today.AddDays(-1)], report.Comparisons.Select(c => c.On));
        Assert.Equal(10, report.Comparisons[0].Before.Started); // 40 days ago is within the 30 days before the 20th day back
        var last = report.Comparisons[^1];
        Assert.Equal(0, last.Before.Started); // the day itself (N-1's sales) belongs to neither side
        Assert.Equal(200, last.After.Started);
        Assert.False(last.Meaningful);
    }
}
