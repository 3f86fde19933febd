using FleetOps.Web.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Says in the log what <c>/health/ready</c> finds, each check as a spell (<see cref="OutageLog"/>): one line when it
/// begins to fail (or to be degraded), one a minute while it lasts, one when it is healthy again. A balancer probes
/// readiness every second or two, and the framework logged each failed probe as an error line of its own — sixty a
/// minute per balancer for as long as a disk stayed full, burying the event writer's one line that said why. The
/// framework's lines are turned off (<see cref="FrameworkCategory"/>, in FleetOpsSetup) and this writes the answer
/// instead, the one word the framework's writer wrote.
/// </summary>
public sealed partial class ReadinessLog(TimeProvider time, ILogger<ReadinessLog> logger)
{
    /// <summary>The framework's health check service, whose line per probe this replaces.</summary>
    public const string FrameworkCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, OutageLog> _checks = new(StringComparer.Ordinal);

    /// <summary>The response writer of <c>/health/ready</c>: logs what changed, answers the status in one word.</summary>
    public Task WriteAsync(HttpContext context, HealthReport report)
    {
        foreach (var (name, entry) in report.Entries) Note(name, entry);
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString());
    }

    private void Note(string name, HealthReportEntry entry)
    {
        OutageNotice? notice;
        // Probes run concurrently (a balancer, a monitor, an operator's curl).
        lock (_lock)
        {
            if (!_checks.TryGetValue(name, out var spell)) _checks[name] = spell = new OutageLog(time);
            notice = entry.Status == HealthStatus.Healthy ? spell.Succeeded() : spell.Failed();
        }
        if (notice is not { } said) return;
        var level = entry.Status == HealthStatus.Unhealthy ? LogLevel.Error : LogLevel.Warning;
        switch (said.Kind)
        {
            case OutageNoticeKind.Began:
                LogBegan(level, name, entry.Status.ToString(), Describe(entry));
                break;
            case OutageNoticeKind.Lasts:
                LogLasts(level, name, entry.Status.ToString(), said.Since, Describe(entry), said.Failures);
                break;
            case OutageNoticeKind.Ended:
                LogEnded(name, (long)said.Lasted.TotalSeconds, said.Since, said.Failures);
                break;
        }
    }

    /// <summary>The check's words and its exception's, without the stack trace (the check's own, the same every probe).</summary>
    private static string Describe(HealthReportEntry entry) => entry.Exception is { } e
        ? $"{entry.Description} ({e.GetType().Name}: {e.Message.TrimEnd('.')})"
        : entry.Description ?? "";

    [LoggerMessage(Message = "Readiness: {Check} is {Status}: {Description}; said again once a minute while it lasts")]
    private partial void LogBegan(LogLevel level, string check, string status, string description);

    [LoggerMessage(Message = "Readiness: {Check} is still {Status} since {Since:O}: {Description}; {Probes} probes in the last minute")]
    private partial void LogLasts(LogLevel level, string check, string status, DateTimeOffset since, string description, long probes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness: {Check} is healthy again, after {Seconds} s since {Since:O} ({Probes} probes were not healthy)")]
    private partial void LogEnded(string check, long seconds, DateTimeOffset since, long probes);
}
