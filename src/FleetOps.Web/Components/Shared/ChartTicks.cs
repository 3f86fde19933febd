using MudBlazor;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// The one rule for chart axes (issue 11): at most <see cref="MaxLabels"/> x-axis labels, so each stays readable on a
/// phone — fewer when long labels would run into each other there — always the first and the last (where the chart starts
/// and "now"), the others at equal gaps where the points allow it, else as evenly as they allow; and at most
/// <see cref="MaxYTicks"/> lines on the value axis.
/// </summary>
public static class ChartTicks
{
    public const int MaxLabels = 6;

    /// <summary>For <c>MaxNumYAxisTicks</c> of every chart's options: MudBlazor's own default is 20.</summary>
    public const int MaxYTicks = 5;

    /// <summary>
    /// For <c>YAxisTicks</c>: the smallest round step — 1, 2, 2.5 or 5 times a power of ten, and whole — at which the value
    /// axis from zero to the highest point (of the stacks, for a stacked chart) needs at most <see cref="MaxYTicks"/> lines.
    /// MudBlazor doubles a step until that few lines fit: its default of 20 drew 2 events a minute as a flat line under a
    /// "20" nobody reached, and a step of one unit drew ¥2,336 on an axis of 0, 1,024, 2,048, 3,072.
    /// </summary>
    public static int YStep(IReadOnlyList<ChartSeries<double>> series, bool stacked = false)
    {
        var highest = Highest(series, stacked);
        var step = 1;
        foreach (var round in RoundSteps())
        {
            step = round;
            // The axis ends at the first multiple of the step at or above the highest point, and starts at zero.
            if (Math.Ceiling(highest / step) + 1 <= MaxYTicks) break;
        }
        return step;
    }

    /// <summary>
    /// A count's or an amount's value axis, the one way every such chart sets it: lines from zero at <see cref="YStep"/>, at
    /// most <see cref="MaxYTicks"/>, and at least up to one step, so that nothing but zeros (no money at risk all month, no
    /// power lost) sits on a floor with a line above it instead of a lone "0" at the foot of the chart.
    /// </summary>
    public static void CountAxis(MudBlazor.Charts.DefaultAxisChartOptions options, IReadOnlyList<ChartSeries<double>> series, bool stacked = false)
    {
        var step = YStep(series, stacked);
        options.MaxNumYAxisTicks = MaxYTicks;
        options.YAxisTicks = step;
        options.YAxisSuggestedMax = step;
    }

    private static IEnumerable<int> RoundSteps()
    {
        for (var power = 1; power <= int.MaxValue / 10; power *= 10)
        {
            yield return power;
            yield return 2 * power;
            if (power >= 10) yield return 25 * power / 10;
            yield return 5 * power;
        }
    }

    /// <summary>
    /// Whether every point of <paramref name="series"/> lies on one line of an axis stepping by <paramref name="step"/> (a flat
    /// 100 %, nothing but zeros): MudBlazor then draws a one-line axis, its only label at the foot of the chart.
    /// </summary>
    public static bool OnOneLine(IReadOnlyList<ChartSeries<double>> series, int step)
    {
        var values = series.SelectMany(s => s.Data.Points).Where(p => p.HasValue).Select(p => p.Y).ToList();
        return values.Count > 0 && Math.Floor(values.Min() / step) == Math.Ceiling(values.Max() / step);
    }

    /// <summary>
    /// Whether a line of <paramref name="series"/> has a point with a gap (or the end) on both sides: a line of one point
    /// draws nothing, so such a day (a quiet store's one day of sales, today's first) shows only as a dot. A point that
    /// another series continues from the same value is not alone: <see cref="PartialInterval"/>'s "so far" line starts
    /// at the finished line's last point, whose finished side always ends in a gap.
    /// </summary>
    public static bool HasLonePoint(IReadOnlyList<ChartSeries<double>> series) =>
        series.Any(s => Enumerable.Range(0, s.Data.Points.Count).Any(i => Has(s, i) && !Joined(s, i)
            && !series.Any(other => other != s && Has(other, i) && other.Data.Points[i].Y.Equals(s.Data.Points[i].Y) && Joined(other, i))));

    private static bool Has(ChartSeries<double> s, int i) => i >= 0 && i < s.Data.Points.Count && s.Data.Points[i].HasValue;

    private static bool Joined(ChartSeries<double> s, int i) => Has(s, i - 1) || Has(s, i + 1);

    private static double Highest(IReadOnlyList<ChartSeries<double>> series, bool stacked)
    {
        var points = series.Count == 0 ? 0 : series.Max(s => s.Data.Points.Count);
        var highest = 0.0;
        for (var i = 0; i < points; i++)
        {
            var values = series.Where(s => i < s.Data.Points.Count && s.Data.Points[i].HasValue).Select(s => s.Data.Points[i].Y);
            highest = Math.Max(highest, stacked ? values.Sum() : values.DefaultIfEmpty(0).Max());
        }
        return highest;
    }

    /// <summary>
    /// For <c>YAxisTicks</c> of a percentage axis: lines at 0, 25, 50, 75 and 100. From one unit MudBlazor doubles the step
    /// until at most <see cref="MaxYTicks"/> lines fit, and a rate of 100 % ended on an axis of 0–128 in steps of 32.
    /// </summary>
    public const int PercentStep = 25;

    /// <summary>
    /// For <c>YAxisSuggestedMax</c> of a share's axis (credited, trained): the axis goes to 100 % whatever the data, so
    /// that a rate of 40 % sits below the middle. It ended at the first quarter above the highest point, and 40 % was
    /// drawn near the top of an axis of 0–50.
    /// </summary>
    public const int PercentMax = 100;

    // The phone is the tightest case, whatever the screen: app.css sets tick text 24 units high in a chart card up to
    // 420 px wide, in MudBlazor's 700-unit-wide SVG whose line charts put the first point at x = 30 and the last at 670.
    // Wider cards get smaller text in the same units. So labels that stand clear at these sizes stand clear everywhere.
    private const double TextUnits = 24;
    private const double AxisUnits = 640;

    /// <summary>Between two labels at least a third of a character: about 4 px on a phone.</summary>
    private const double GapUnits = 8;

    /// <summary>The labels with all but at most <see cref="MaxLabels"/> blanked (MudBlazor needs one label per point).</summary>
    public static string[] Thin(IReadOnlyList<string> labels)
    {
        if (labels.Count <= MaxLabels) return [.. labels];
        // Twelve months as "Nov 25" ran into each other on a phone at six labels: keep as many as stand clear.
        var kept = Enumerable.Range(3, MaxLabels - 2).Reverse().Select(count => Positions(labels.Count, count))
            .FirstOrDefault(positions => StandClear(labels, positions), [0, labels.Count - 1]);
        var keep = kept.ToHashSet();
        return labels.Select((label, i) => keep.Contains(i) ? label : "").ToArray();
    }

    /// <summary>
    /// At most <paramref name="count"/> positions of <paramref name="points"/>, the first and the last among them. Equal
    /// gaps when at least four labels can have them (a week: every other day): an axis whose gaps differ reads as a missing
    /// day. Otherwise rounded even positions: the gaps differ by at most one point.
    /// </summary>
    private static int[] Positions(int points, int count)
    {
        var last = points - 1;
        var gaps = Enumerable.Range(3, Math.Max(0, count - 3)).Reverse().FirstOrDefault(g => last % g == 0, count - 1);
        return Enumerable.Range(0, gaps + 1).Select(i => (int)Math.Round(i * (double)last / gaps)).Distinct().ToArray();
    }

    /// <summary>
    /// Whether each kept label ends before the next begins. On a line chart the first label starts at its point and the
    /// last ends at its point (app.css keeps them inside the card); the others are centred. A bar chart centres all of
    /// them, which only leaves more room.
    /// </summary>
    private static bool StandClear(IReadOnlyList<string> labels, int[] positions)
    {
        var last = labels.Count - 1;
        var step = AxisUnits / last;
        for (var n = 1; n < positions.Length; n++)
        {
            var (before, after) = (positions[n - 1], positions[n]);
            var right = before * step + (before == 0 ? 1 : 0.5) * Width(labels[before]);
            var left = after * step - (after == last ? 1 : 0.5) * Width(labels[after]);
            if (left - right < GapUnits) return false;
        }
        return true;
    }

    /// <summary>
    /// A label's width in SVG units, from its characters (the browser's font is not known here): a Chinese character is a
    /// full em, a space or a separator a third, any other letter or digit 0.6 em — Roboto's average is 0.55, DejaVu Sans'
    /// (Debian's default) about 0.63.
    /// </summary>
    private static double Width(string label) => TextUnits * label.Sum(c => c switch
    {
        ' ' or ':' or '/' or '.' or ',' or '-' => 0.33,
        >= '\u2E80' => 1.0,
        _ => 0.6,
    });
}
