using FleetOps.Web.Components.Shared;
using MudBlazor;

namespace FleetOps.Components.Tests;

/// <summary>
/// Issue 11: every chart's x axis shows at most six labels, always where it starts and where it ends, at equal gaps where it
/// can; fewer when long labels would run into each other on a phone (the audit's twelve months "Nov 25" at 390 px).
/// </summary>
public sealed class ChartTicksTests
{
    private static string[] Minutes(int count) => Enumerable.Range(0, count).Select(i => $"m{i}").ToArray();

    [Fact]
    public void Thirty_points_keep_six_labels_evenly_spread_with_the_first_and_the_last()
    {
        var thinned = ChartTicks.Thin(Minutes(30));

        Assert.Equal(30, thinned.Length); // MudBlazor needs one label per point
        var kept = thinned.Select((label, i) => (label, i)).Where(l => l.label != "").ToList();
        Assert.Equal(["m0", "m6", "m12", "m17", "m23", "m29"], kept.Select(k => k.label));
        Assert.All(kept.Zip(kept.Skip(1)), pair => Assert.InRange(pair.Second.i - pair.First.i, 5, 6));
    }

    [Theory]
    [InlineData(7, new[] { 0, 2, 4, 6 })] // a week: every other day, not five days and a gap
    [InlineData(13, new[] { 0, 3, 6, 9, 12 })]
    [InlineData(31, new[] { 0, 6, 12, 18, 24, 30 })]
    public void An_axis_that_allows_equal_gaps_gets_them(int points, int[] kept)
    {
        var thinned = ChartTicks.Thin(Minutes(points));

        Assert.Equal(kept.Select(i => $"m{i}"), thinned.Where(label => label != ""));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(24)]
    [InlineData(60)]
    public void Any_other_longer_axis_keeps_six_labels_with_the_first_and_the_last(int points)
    {
        var thinned = ChartTicks.Thin(Minutes(points));

        Assert.InRange(thinned.Count(label => label != ""), 4, ChartTicks.MaxLabels);
        Assert.Equal("m0", thinned[0]);
        Assert.Equal($"m{points - 1}", thinned[^1]);
    }

    private static string[] Months(string format, string culture) => Enumerable.Range(0, 12)
        .Select(i => new DateOnly(2025, 12, 31).AddMonths(i).ToString(format, System.Globalization.CultureInfo.GetCultureInfo(culture))).ToArray();

    [Fact]
    public void Twelve_months_with_their_year_keep_five_labels_that_stand_clear_on_a_phone()
    {
        var thinned = ChartTicks.Thin(Months("MMM yy", "en"));

        Assert.Equal(12, thinned.Length);
        Assert.Equal(["Dec 25", "Mar 26", "Jun 26", "Aug 26", "Nov 26"], thinned.Where(label => label != ""));
    }

    [Fact]
    public void Twelve_short_chinese_months_still_keep_six()
    {
        Assert.Equal(["12月", "2月", "4月", "7月", "9月", "11月"], ChartTicks.Thin(Months("M月", "zh-CN")).Where(label => label != ""));
    }

    [Fact]
    public void Labels_too_long_for_any_between_keep_only_the_first_and_the_last()
    {
        var thinned = ChartTicks.Thin(Enumerable.Range(0, 12).Select(i => $"a very long label {i}").ToArray());

        Assert.Equal(["a very long label 0", "a very long label 11"], thinned.Where(label => label != ""));
    }

    [Fact]
    public void A_short_axis_keeps_every_label()
    {
        Assert.Equal(["a", "b", "c"], ChartTicks.Thin(["a", "b", "c"]));
        Assert.Empty(ChartTicks.Thin([]));
    }

    [Theory]
    [InlineData(new double[] { }, 1)]
    [InlineData(new double[] { 3 }, 1)] // 0, 1, 2, 3
    [InlineData(new double[] { 7 }, 2)] // 0, 2, 4, 6, 8
    [InlineData(new double[] { 100 }, 25)] // 0, 25, 50, 75, 100 — not 0–128 in steps of 32
    [InlineData(new double[] { 2336 }, 1000)] // 0, 1,000, 2,000, 3,000 — not 1,024, 2,048, 3,072
    [InlineData(new double[] { 4000 }, 1000)] // the highest point on the top line
    [InlineData(new double[] { 4001 }, 2000)]
    [InlineData(new double[] { 180_000_000 }, 50_000_000)]
    public void The_value_axis_steps_in_round_numbers_with_at_most_five_lines(double[] values, int step)
    {
        var series = new List<ChartSeries<double>> { new() { Name = "n", Data = new ChartData<double>(values.ToList()) } };

        Assert.Equal(step, ChartTicks.YStep(series));
    }

    [Fact]
    public void A_stacked_chart_steps_by_its_highest_stack()
    {
        List<ChartSeries<double>> Stacks(params double[][] rows) => rows
            .Select(r => new ChartSeries<double> { Name = "s", Data = new ChartData<double>(r.ToList()) }).ToList();
        var stacks = Stacks([15, 2], [15, 1], [15, 0]); // stacks of 45 and 3

        Assert.Equal(20, ChartTicks.YStep(stacks, stacked: true)); // 0, 20, 40, 60
        Assert.Equal(5, ChartTicks.YStep(stacks)); // side by side: 0, 5, 10, 15
    }
}
