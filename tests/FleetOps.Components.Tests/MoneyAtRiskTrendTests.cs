using FleetOps.Web.Localization;
using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Components.Pages;
using FleetOps.Web.Components.Transactions;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// Money at risk over the last 30 days on the overview and the store page, and the overview's breakdown by region. The
/// stores are in Shanghai (UTC+8) and the clock starts at midnight UTC, 08:00 in Shanghai: the chart's days end at
/// 16:00 UTC, and its last point is now.
/// </summary>
public sealed class MoneyAtRiskTrendTests : FleetComponentTest
{
    public MoneyAtRiskTrendTests()
    {
        RenderPopoverProvider();
        AddStore("S-1");
        AddStore("S-2", region: "North");
        Register("S-1", "T-1", "T-2");
        Register("S-2", "T-3");
    }

    /// <summary>Publishes one sale with its stages (stage, how long ago), as the event writer does after a commit.</summary>
    private void Sale(string terminalId, string transactionId, long amountMinor, string currency, params (TransactionStage Stage, TimeSpan Ago)[] stages)
    {
        var events = stages.Select(s => new TransactionEvent(NextId(), Now - s.Ago, transactionId, s.Stage, amountMinor, currency, "622848******1234")).ToList();
        var record = events.Skip(1).Aggregate(TransactionRecord.From(terminalId, events[0]), (r, e) => r.With(e));
        PublishToBook(record, Fleet.Get(terminalId)!.StoreCode);
    }

    /// <summary>Completed <paramref name="daysAgo"/> days ago and never settled: at risk since 26 hours after that.</summary>
    private void NeverSettled(string terminalId, string transactionId, long amountMinor, string currency = "CNY", double daysAgo = 3) =>
        Sale(terminalId, transactionId, amountMinor, currency,
            (TransactionStage.Authorized, TimeSpan.FromDays(daysAgo)), (TransactionStage.Completed, TimeSpan.FromDays(daysAgo) - TimeSpan.FromSeconds(40)));

    /// <summary>
    /// The chart's lines as "currency: the last three points" (major units): each currency's finished days, then today
    /// from its lighter "so far" line.
    /// </summary>
    private static string[] LastDays(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string testId)
    {
        var chart = cut.FindComponents<MoneyAtRiskChart>().Single(c => c.Instance.TestId == testId);
        return chart.FindComponent<MudChart<double>>().Instance.ChartSeries.Chunk(2)
            .Select(pair => $"{pair[0].Name}: {string.Join(" ", pair[0].Data.Points.SkipLast(1).Select(p => p.Y).Append(pair[1].Data.Points[^1].Y).TakeLast(3))}")
            .ToArray();
    }

    /// <summary>A line's points, an empty one as "-".</summary>
    private static string Points(ChartSeries<double> series) => string.Join(" ", series.Data.Points.Select(p => p.HasValue ? $"{p.Y}" : "-"));

    [Fact]
    public void The_overview_charts_thirty_days_of_money_at_risk_per_currency()
    {
        NeverSettled("T-1", "a", 100000);
        NeverSettled("T-2", "b", 23400, daysAgo: 1.2); // due 26 h after completion, 2.8 h ago: only today
        NeverSettled("T-3", "c", 999, "USD");

        var cut = Render<Overview>();

        var chart = cut.FindComponents<MoneyAtRiskChart>().Single(c => c.Instance.TestId == "overview-risk-trend").Instance;
        Assert.Equal(30, chart.Trend.Days.Count);
        Assert.Equal(new DateOnly(2026, 11, 25), chart.Trend.Days[^1]);
        Assert.Equal("China Standard Time", chart.ZoneName); // the zone in words, not its id (an outside tester)
        // Completed 3 days ago: due 46 h ago, so at risk at the end of the 23rd and the 24th (Shanghai) and now.
        Assert.Equal(["CNY: 1000 1000 1234", "USD: 9.99 9.99 9.99"], LastDays(cut, "overview-risk-trend"));
        Assert.Equal("CNY USD", cut.Find("[data-testid=overview-risk-trend]").GetAttribute("data-currencies"));
        var english = Languages.Culture(Languages.English);
        var labels = MoneyAtRiskChart.Labels(chart.Trend, new CultureLocalizer<UiText>(english), Languages.English);
        // Six labels (ChartTicks): the first day, four between, and today.
        Assert.Equal(["27 Oct", "2 Nov", "8 Nov", "13 Nov", "19 Nov", "today"], labels.Where(l => l != ""));
        Assert.Equal(["", "today"], labels[^2..]);
        var chinese = Languages.Culture(Languages.Chinese);
        var chineseLabels = MoneyAtRiskChart.Labels(chart.Trend, new CultureLocalizer<UiText>(chinese), Languages.Chinese);
        Assert.Equal(["", "今天"], chineseLabels[^2..]);
        Assert.Equal("11/19", chineseLabels[^7]); // short enough for six labels on a phone (11月19日 overprinted its neighbours)
    }

    [Fact]
    public void The_value_axis_steps_in_round_amounts()
    {
        // ¥2,336 at risk: the axis said 0, 1,024, 2,048, 3,072 (MudBlazor doubles a one-unit step until few lines fit).
        NeverSettled("T-1", "a", 100000);
        NeverSettled("T-2", "b", 133600);

        var cut = Render<Overview>();

        Assert.Equal(["0", "1,000", "2,000", "3,000"], YAxis(cut, "overview-risk-trend"));
    }

    /// <summary>The value axis's labels, bottom to top.</summary>
    private static string[] YAxis(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string testId) =>
        cut.FindAll($"[data-testid={testId}] .mud-charts-yaxis text").Select(t => t.TextContent.Trim()).ToArray();

    [Fact]
    public void Today_is_drawn_as_a_lighter_so_far_line_apart_from_the_finished_days()
    {
        NeverSettled("T-1", "a", 100000);
        NeverSettled("T-2", "b", 23400, daysAgo: 1.2); // only today

        var cut = Render<Overview>();

        var chart = cut.FindComponents<MoneyAtRiskChart>().Single(c => c.Instance.TestId == "overview-risk-trend").FindComponent<MudChart<double>>().Instance;
        var series = chart.ChartSeries;
        Assert.Equal(["CNY", "CNY, today so far"], series.Select(s => s.Name));
        // The finished days end yesterday; today's rise is only on the "so far" line, which starts from yesterday's end.
        Assert.EndsWith("1000 1000 -", Points(series[0]));
        Assert.Equal(string.Join(" ", Enumerable.Repeat("-", 28).Append("1000").Append("1234")), Points(series[1]));
        var options = (LineChartOptions)chart.ChartOptions!;
        Assert.True(options.SeriesDisplayOverrides[series[1]].StrokeOpacity < 1);
        Assert.False(options.SeriesDisplayOverrides.ContainsKey(series[0]));
        Assert.Equal(options.ChartPalette[0], options.ChartPalette[1]); // one colour per currency
    }

    [Fact]
    public void A_store_manager_sees_only_their_stores_money_over_time()
    {
        NeverSettled("T-1", "a", 1000);
        NeverSettled("T-3", "c", 50000, "USD");
        NeverSettled("T-3", "d", 70000);
        SignInAsStoreManager("S-1");

        var cut = Render<Overview>();

        Assert.Equal(["CNY: 10 10 10"], LastDays(cut, "overview-risk-trend"));
        Assert.Equal("CNY", cut.Find("[data-testid=overview-risk-trend]").GetAttribute("data-currencies"));
        Assert.DoesNotContain("USD", cut.Find("[data-testid=overview-risk-trend]").OuterHtml);
    }

    [Fact]
    public void A_sale_settled_late_still_counts_on_the_days_it_was_at_risk()
    {
        NeverSettled("T-1", "a", 4200);
        var cut = Render<Overview>();
        Assert.Equal(["CNY: 42 42 42"], LastDays(cut, "overview-risk-trend"));

        // The settlement arrives: the sale leaves the book, but the days before stay on the chart.
        Sale("T-1", "a", 4200, "CNY", (TransactionStage.Authorized, TimeSpan.FromDays(3)),
            (TransactionStage.Completed, TimeSpan.FromDays(3) - TimeSpan.FromSeconds(40)), (TransactionStage.Settled, TimeSpan.FromMinutes(1)));
        LetLiveRefreshFire();

        cut.WaitForAssertion(() => Assert.Equal(["CNY: 42 42 0"], LastDays(cut, "overview-risk-trend")));
        Assert.NotNull(cut.Find("[data-testid=kpi-money-at-risk-none]"));
    }

    [Fact]
    public void Nothing_at_risk_in_thirty_days_shows_an_empty_state_instead_of_a_chart()
    {
        Sale("T-1", "a", 4200, "CNY", (TransactionStage.Authorized, TimeSpan.FromHours(5)),
            (TransactionStage.Completed, TimeSpan.FromHours(5) - TimeSpan.FromSeconds(30)), (TransactionStage.Settled, TimeSpan.FromHours(1)));

        var cut = Render<Overview>();

        Assert.Contains("Nothing was at risk", cut.Find("[data-testid=overview-risk-trend-none]").TextContent);
        Assert.Empty(cut.FindComponents<MoneyAtRiskChart>().Single().FindComponents<MudChart<double>>());
    }

    [Fact]
    public void The_store_page_charts_only_that_store()
    {
        NeverSettled("T-1", "a", 1500);
        NeverSettled("T-3", "c", 70000);

        var cut = Render<StoreDetail>(p => p.Add(x => x.Code, "S-2"));

        Assert.Equal(["CNY: 700 700 700"], LastDays(cut, "store-risk-trend"));
    }

    [Fact]
    public void The_overview_breaks_money_at_risk_down_by_region_for_people_who_see_several()
    {
        AddStore("S-3", region: "West");
        NeverSettled("T-1", "a", 1500);
        NeverSettled("T-2", "b", 2500, daysAgo: 1.5);
        NeverSettled("T-3", "c", 999, "USD");

        var cut = Render<Overview>();

        var east = cut.Find("[data-testid=overview-risk-by-region-East]").TextContent;
        Assert.Contains("CN¥40.00", east);
        Assert.Contains("$9.99", cut.Find("[data-testid=overview-risk-by-region-North]").TextContent);
        Assert.Contains("nothing", cut.Find("[data-testid=overview-risk-by-region-West]").TextContent);
    }

    [Fact]
    public void Someone_who_sees_one_region_gets_no_breakdown_by_region()
    {
        NeverSettled("T-1", "a", 1500);
        SignInAsRegionalManager("East");

        var cut = Render<Overview>();

        Assert.Empty(cut.FindAll("[data-testid=overview-risk-by-region]"));
        Assert.Equal(["CNY: 15 15 15"], LastDays(cut, "overview-risk-trend"));
    }
}
