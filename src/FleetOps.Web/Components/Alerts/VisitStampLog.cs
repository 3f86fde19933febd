namespace FleetOps.Web.Components.Alerts;

/// <summary>The log line of <see cref="VisitStamp"/>: one per visit of the alerts page, at Debug.</summary>
public static partial class VisitStampLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message =
        "Alerts page visit: list acknowledged by the browser after {TotalMs:F1} ms, model ready after {ModelMs:F1} ms (filtered: {Filtered}); " +
        "GC pauses {GcPauseMs:F1} ms, {Gen2} gen-2 collections, process CPU {CpuMs:F1} ms")]
    public static partial void Rendered(ILogger logger, double totalMs, double modelMs, bool filtered, double gcPauseMs, int gen2, double cpuMs);
}
