namespace FleetOps.Web.Components.Shared;

/// <summary>
/// The one rule for chart axes (issue 11): at most <see cref="MaxLabels"/> x-axis labels, so each stays readable on a
/// phone, always the first and the last (where the chart starts and "now"), the others at equal gaps where the points
/// allow it, else as evenly as they allow; and at most <see cref="MaxYTicks"/> lines on the value axis.
/// </summary>
public static class ChartTicks
{
    public const int MaxLabels = 6;

    /// <summary>For <c>MaxNumYAxisTicks</c> of every chart's options: MudBlazor's own default is 20.</summary>
    public const int MaxYTicks = 5;

    /// <summary>
    /// For <c>YAxisTicks</c>: value lines one unit apart, which MudBlazor then spaces out to at most <see cref="MaxYTicks"/>.
    /// Its default of 20 drew 2 events a minute as a flat line under a "20" nobody reached.
    /// </summary>
    public const int YStep = 1;

    /// <summary>
    /// For <c>YAxisTicks</c> of a percentage axis: lines at 0, 25, 50, 75 and 100. From one unit MudBlazor doubles the step
    /// until at most <see cref="MaxYTicks"/> lines fit, and a rate of 100 % ended on an axis of 0–128 in steps of 32.
    /// </summary>
    public const int PercentStep = 25;

    /// <summary>The labels with all but at most <see cref="MaxLabels"/> blanked (MudBlazor needs one label per point).</summary>
    public static string[] Thin(IReadOnlyList<string> labels)
    {
        if (labels.Count <= MaxLabels) return [.. labels];
        var last = labels.Count - 1;
        // Equal gaps when at least four labels can have them (a week: every other day): an axis whose gaps differ reads as
        // a missing day. Otherwise rounded even positions: the gaps differ by at most one point. First and last always stay.
        var gaps = Enumerable.Range(3, MaxLabels - 3).Reverse().FirstOrDefault(g => last % g == 0, MaxLabels - 1);
        var kept = Enumerable.Range(0, gaps + 1).Select(i => (int)Math.Round(i * (double)last / gaps)).ToHashSet();
        return labels.Select((label, i) => kept.Contains(i) ? label : "").ToArray();
    }
}
