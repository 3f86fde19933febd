namespace FleetOps.Web.Components.Shared;

/// <summary>
/// The one rule for chart axes (issue 11): at most <see cref="MaxLabels"/> x-axis labels, so each stays readable on a
/// phone, always the first and the last (where the chart starts and "now"), the others spread as evenly as the points
/// allow; and at most <see cref="MaxYTicks"/> lines on the value axis.
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
        // Rounded even positions: the gaps differ by at most one point, and the first and last are always kept.
        var kept = Enumerable.Range(0, MaxLabels).Select(i => (int)Math.Round(i * (double)last / (MaxLabels - 1))).ToHashSet();
        return labels.Select((label, i) => kept.Contains(i) ? label : "").ToArray();
    }
}
