using FleetOps.Web.Persistence;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// The event writer's record of an outage (<see cref="WriterOutage"/>) and what it says about it in the log: one line
/// when an outage begins, one a minute while it lasts (with the requests refused meanwhile), one when it ends. Every
/// failed commit logged the driver's exception with its stack trace before, a dozen lines a commit for as long as a
/// disk stayed full, which buried the one line that said why.
/// <para>Changed by the writer loop only; <see cref="Current"/> is read by readiness from other threads.</para>
/// </summary>
internal sealed partial class WriterOutageLog(TimeProvider time, ILogger logger)
{
    private readonly OutageLog _spell = new(time); // counts refused requests, not failed commits: what terminals felt
    private volatile WriterOutage? _current;

    /// <summary>The outage while it lasts; null while commits succeed.</summary>
    public WriterOutage? Current => _current;

    /// <summary>A commit of <paramref name="refused"/> requests failed because the database does not take writes.</summary>
    public void Failed(int refused, string reason)
    {
        var now = time.GetUtcNow();
        _current = _current is { } outage
            ? outage with { LastFailureAt = now, Reason = reason, Refused = outage.Refused + refused }
            : new WriterOutage(now, now, reason, refused);
        switch (_spell.Failed(refused))
        {
            case { Kind: OutageNoticeKind.Began }:
                LogDatabaseUnavailable(reason, refused);
                break;
            case { Kind: OutageNoticeKind.Lasts } notice:
                LogStillUnavailable(notice.Since, notice.Failures, reason);
                break;
        }
    }

    /// <summary>A commit succeeded: an outage, if there was one, is over.</summary>
    public void Succeeded()
    {
        if (_spell.Succeeded() is not { } ended) return;
        _current = null;
        LogDatabaseBack(ended.Since, (long)ended.Lasted.TotalSeconds, ended.Failures);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database is unavailable: {Reason}. Telemetry gets 503 (Retry-After) and "
        + "nothing is stored until it takes a commit again ({Requests} requests so far); said again once a minute while it lasts")]
    private partial void LogDatabaseUnavailable(string reason, int requests);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database is still unavailable since {Since:O}: {Reason}. {Requests} telemetry requests got 503 in the last minute")]
    private partial void LogStillUnavailable(DateTimeOffset since, long requests, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database takes telemetry again, after {Seconds} s unavailable since {Since:O}; {Requests} requests got 503 meanwhile (terminals resend them)")]
    private partial void LogDatabaseBack(DateTimeOffset since, long seconds, long requests);
}
