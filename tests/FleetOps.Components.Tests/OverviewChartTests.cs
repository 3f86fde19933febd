using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// Issue 11: the overview's charts are honest and readable — the running minute is not a fall, a fleet with nothing
/// offline gets a sentence instead of green bars, every axis has at most six labels, and the charts take the card's row.
/// </summary>
public sealed class OverviewChartTests : FleetComponentTest
{
    private static MudChart<double> EventsChart(IRenderedComponent<Overview> cut) =>
        cut.FindComponents<MudChart<double>>().Single(c => c.Instance.ChartSeries.Any(s => s.Name == "Events")).Instance;

    private static string Points(ChartSeries<double> series) => string.Join(" ", series.Data.Points.Select(p => p.HasValue ? $"{p.Y}" : "-"));

    /// <summary>40 events in each of the last three finished minutes, and 3 in the minute that has just begun.</summary>
    private void SteadyTrafficThenANewMinute()
    {
        AddStore("S-1");
        Register("S-1", "T-1");
        Heartbeat("T-1");
        foreach (var minutesAgo in new[] { 3, 2, 1 })
        {
            Statistics.RecordCommitted(new Dictionary<string, int> { ["S-1"] = 40 }, Now - TimeSpan.FromMinutes(minutesAgo));
        }
        Statistics.RecordCommitted(new Dictionary<string, int> { ["S-1"] = 3 }, Now);
    }

    [Fact]
    public void The_running_minute_is_a_separate_lighter_so_far_line_not_a_fall_of_the_finished_ones()
    {
        SteadyTrafficThenANewMinute();

        var cut = Render<Overview>();

        var chart = EventsChart(cut);
        Assert.Equal(["Events", "This minute, so far"], chart.ChartSeries.Select(s => s.Name));
        // The finished minutes stay level; the 3 events so far are only on the "so far" line, from the last finished minute.
        Assert.EndsWith("40 40 40 -", Points(chart.ChartSeries[0]));
        Assert.Equal(string.Join(" ", Enumerable.Repeat("-", 28).Append("40").Append("3")), Points(chart.ChartSeries[1]));
        var options = (LineChartOptions)chart.ChartOptions!;
        Assert.True(options.SeriesDisplayOverrides[chart.ChartSeries[1]].StrokeOpacity < 1);
        Assert.Contains("This minute, so far", cut.Find("[data-testid=events-chart]").TextContent); // the legend says what it is
    }

    [Fact]
    public void The_running_minute_is_named_in_chinese_too()
    {
        SteadyTrafficThenANewMinute();
        UseLanguage(Languages.Chinese);

        var cut = Render<Overview>();

        Assert.Contains("本分钟（进行中）", cut.Find("[data-testid=events-chart]").TextContent);
    }

    [Fact]
    public void The_events_axis_shows_six_readable_labels_and_few_value_lines()
    {
        SteadyTrafficThenANewMinute();

        var cut = Render<Overview>();

        var labels = cut.FindAll("[data-testid=events-chart] .mud-charts-xaxis text").Select(t => t.TextContent).Where(t => t != "").ToList();
        Assert.Equal(6, labels.Count);
        Assert.Equal("08:00", labels[^1]); // the clock is at 08:00 in the stores' zone: the last label is now
        Assert.InRange(cut.FindAll("[data-testid=events-chart] .mud-charts-yaxis text").Count, 2, ChartTicksMaxY + 1);
    }

    private const int ChartTicksMaxY = FleetOps.Web.Components.Shared.ChartTicks.MaxYTicks;

    [Fact]
    public void Right_after_a_start_the_minutes_before_it_are_a_gap_not_zero_and_the_card_says_since_when()
    {
        // This node started at 08:00:30 in the stores' zone; events were stored before, but it did not count them.
        Clock.Advance(TimeSpan.FromSeconds(30));
        Services.AddSingleton(new FleetOps.Web.Live.IngestStatistics(Clock));
        AddStore("S-1");
        Register("S-1", "T-1");
        Clock.Advance(TimeSpan.FromMinutes(3));
        var statistics = Services.GetRequiredService<FleetOps.Web.Live.IngestStatistics>();
        statistics.RecordCommitted(new Dictionary<string, int> { ["S-1"] = 40 }, Now - TimeSpan.FromMinutes(2));
        statistics.RecordCommitted(new Dictionary<string, int> { ["S-1"] = 5 }, Now);

        var cut = Render<Overview>();

        var chart = EventsChart(cut);
        // 27 minutes unknown: those before the start and 08:00, counted only from its 30th second (it would read as a rise);
        // then 08:01 with 40, 08:02 with none, and 08:03 so far.
        Assert.Equal(string.Join(" ", Enumerable.Repeat("-", 27).Append("40").Append("0").Append("-")), Points(chart.ChartSeries[0]));
        Assert.EndsWith("0 5", Points(chart.ChartSeries[1]));
        Assert.Equal("Counted since 08:00, when this server started: the minutes before are not shown.",
            cut.Find("[data-testid=events-counted-since]").TextContent);

        // Half an hour later the chart is all counted minutes and says nothing more.
        Clock.Advance(TimeSpan.FromMinutes(30));
        cut.Render();
        Assert.Empty(cut.FindAll("[data-testid=events-counted-since]"));
    }


    [Fact]
    public void Nothing_offline_shows_a_plain_sentence_instead_of_a_wall_of_green_bars()
    {
        AddStore("S-1");
        AddStore("S-2");
        Register("S-1", "T-1", "T-2");
        Register("S-2", "T-3");
        Heartbeat("T-1");
        Heartbeat("T-2");
        Heartbeat("T-3");

        var cut = Render<Overview>();

        Assert.Contains("Every terminal is online", cut.Find("[data-testid=connectivity-all-online]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=connectivity-chart]"));
    }

    [Fact]
    public void Only_stores_with_a_terminal_offline_or_never_heard_from_get_a_bar_each_named()
    {
        AddStore("S-1");
        AddStore("S-2");
        AddStore("S-3");
        Register("S-1", "T-1", "T-2");
        Register("S-2", "T-3");
        Register("S-3", "T-4");
        Heartbeat("T-1");
        HeardLongAgo("T-2"); // S-1: one offline
        Heartbeat("T-3"); // S-2: all online
        // S-3: T-4 never heard from

        var cut = Render<Overview>();

        Assert.Empty(cut.FindAll("[data-testid=connectivity-all-online]"));
        Assert.Equal(["S-1", "S-3"], cut.FindAll("[data-testid=connectivity-chart] .mud-charts-xaxis text").Select(t => t.TextContent));
        Assert.Contains("The 2 stores with the most terminals offline or never heard from", cut.Markup);
    }

    [Fact]
    public void One_store_in_trouble_is_counted_in_the_singular()
    {
        AddStore("S-1");
        Register("S-1", "T-1");
        HeardLongAgo("T-1");

        var cut = Render<Overview>();

        Assert.Contains("The 1 store with a terminal offline or never heard from", cut.Markup);
    }

    [Fact]
    public void Below_a_wide_screen_each_chart_takes_the_whole_row()
    {
        SteadyTrafficThenANewMinute();
        Register("S-1", "T-2");
        HeardLongAgo("T-2");

        var cut = Render<Overview>();

        foreach (var chart in new[] { "events-chart", "connectivity-chart", "overview-risk-trend" })
        {
            var item = cut.Find($"[data-testid={chart}]").Closest(".mud-grid-item")!;
            Assert.Contains("mud-grid-item-xs-12", item.ClassList);
            // No half-width column at tablet size (md, 960–1279 px): the only narrower column starts at lg.
            Assert.DoesNotContain(item.ClassList, c => c.StartsWith("mud-grid-item-md-", StringComparison.Ordinal) || c.StartsWith("mud-grid-item-sm-", StringComparison.Ordinal));
        }
    }
}
