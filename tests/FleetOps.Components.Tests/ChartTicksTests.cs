using FleetOps.Web.Components.Shared;

namespace FleetOps.Components.Tests;

/// <summary>Issue 11: every chart's x axis shows at most six labels, always where it starts and where it ends, at equal gaps where it can.</summary>
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

    [Fact]
    public void A_short_axis_keeps_every_label()
    {
        Assert.Equal(["a", "b", "c"], ChartTicks.Thin(["a", "b", "c"]));
        Assert.Empty(ChartTicks.Thin([]));
    }
}
