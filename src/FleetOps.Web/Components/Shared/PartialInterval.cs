using MudBlazor;
using MudBlazor.Charts;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// Draws the interval still running (this minute's events, today's money at risk) apart from the finished ones, so an
/// unfinished interval never reads as a fall (issue 11). The finished intervals are the solid series; the running one
/// is a second, lighter series named for what it is ("this minute, so far"), drawn from the last finished point to
/// the value so far. The value is shown as counted, not extrapolated: a guess early in the interval would jump about
/// more than the real count does.
/// </summary>
public static class PartialInterval
{
    /// <summary>How strong the running interval's line is next to the finished ones' (1).</summary>
    public const double SoFarOpacity = 0.4;

    /// <summary>
    /// The finished intervals (every value but the last; the last point left empty) and the running one (only the
    /// last two points, so its line joins the finished one).
    /// </summary>
    public static (ChartSeries<double> Finished, ChartSeries<double> SoFar) Split(IReadOnlyList<double> values, string name, string soFarName) =>
        Split(values.Select(v => (double?)v).ToList(), name, soFarName);

    /// <summary>The same with gaps: a null value (a day without sales has no rate) leaves its point out.</summary>
    public static (ChartSeries<double> Finished, ChartSeries<double> SoFar) Split(IReadOnlyList<double?> values, string name, string soFarName)
    {
        var last = values.Count - 1;
        return (Series(name, values.Select((v, i) => i < last ? v : (double?)null)),
            Series(soFarName, values.Select((v, i) => i >= last - 1 ? v : (double?)null)));
    }

    /// <summary>Makes <paramref name="soFar"/> the lighter line in <paramref name="options"/>.</summary>
    public static void Lighten(LineChartOptions options, ChartSeries<double> soFar) =>
        options.SeriesDisplayOverrides[soFar] = new SeriesDisplayOverride { StrokeOpacity = SoFarOpacity };

    private static ChartSeries<double> Series(string name, IEnumerable<double?> values) =>
        new() { Name = name, Data = new ChartData<double>(values.ToList()) };
}
