namespace FleetOps.Web.Persistence;

/// <summary>
/// When a spell of failures — the database out of reach, readiness failing — is said in the log: once when it begins,
/// at most once every <see cref="ReportEvery"/> while it lasts (with the failures since the last line), and once when it
/// ends (with how long it lasted and all its failures). The caller says each failure and each success and writes the
/// line it is handed, in its own words. A part that retries every few seconds logged every failure before (the listening
/// record a warning every 5 s, each failed readiness probe an error line), which buried the one line that said why.
/// Written to be shared by every part that reports an outage the same way (the event writer's bookkeeping is the same
/// pattern). One caller at a time: callers on several threads lock around it.
/// </summary>
public sealed class OutageLog(TimeProvider time)
{
    /// <summary>How often the log says again that the spell lasts.</summary>
    public static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _since;
    private DateTimeOffset _reportedAt;
    private long _failures;
    private long _failuresSinceReport;

    /// <summary>When the current spell began; null outside one.</summary>
    public DateTimeOffset? Since => _since;

    /// <summary>
    /// <paramref name="count"/> failures (requests refused, probes failed): the line to write when they begin a spell or a
    /// minute has passed since the last line, else null.
    /// </summary>
    public OutageNotice? Failed(long count = 1)
    {
        var now = time.GetUtcNow();
        _failures += count;
        if (_since is not { } since)
        {
            _since = _reportedAt = now;
            _failures = count;
            _failuresSinceReport = 0;
            return new OutageNotice(OutageNoticeKind.Began, now, TimeSpan.Zero, count);
        }
        _failuresSinceReport += count;
        if (now - _reportedAt < ReportEvery) return null;
        var notice = new OutageNotice(OutageNoticeKind.Lasts, since, now - since, _failuresSinceReport);
        _reportedAt = now;
        _failuresSinceReport = 0;
        return notice;
    }

    /// <summary>A success: the line that ends the spell, or null when there was none.</summary>
    public OutageNotice? Succeeded()
    {
        if (_since is not { } since) return null;
        _since = null;
        return new OutageNotice(OutageNoticeKind.Ended, since, time.GetUtcNow() - since, _failures);
    }
}
