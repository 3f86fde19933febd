using System.Diagnostics;

namespace FleetOps.Web.Components.Alerts;

/// <summary>
/// Where one visit of the alerts page spends its time on the server (issue 12: first render ≤ 200 ms p99), logged at
/// Debug so a benchmark can set the slowest visits the browser saw beside the server's account of them: from the
/// component's start to its model being ready (scope, the list query), and to the browser's acknowledgement of the render
/// that holds the list (Blazor Server runs <c>OnAfterRender</c> only once the browser has applied the batch). The
/// collector's pauses and the process's CPU time over the same span tell a slow visit that waited for the garbage
/// collector or for the machine apart from one that had work of its own.
/// </summary>
public sealed class VisitStamp
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _pausedBefore = GC.GetTotalPauseDuration();
    private readonly int _gen2Before = GC.CollectionCount(2);
    private readonly TimeSpan _cpuBefore = Environment.CpuUsage.TotalTime;
    private TimeSpan? _model;

    public void ModelReady() => _model ??= Stopwatch.GetElapsedTime(_started);

    public void Log(ILogger logger, bool filtered)
    {
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        var total = Stopwatch.GetElapsedTime(_started);
        VisitStampLog.Rendered(logger, total.TotalMilliseconds, (_model ?? total).TotalMilliseconds, filtered,
            (GC.GetTotalPauseDuration() - _pausedBefore).TotalMilliseconds, GC.CollectionCount(2) - _gen2Before,
            (Environment.CpuUsage.TotalTime - _cpuBefore).TotalMilliseconds);
    }
}
