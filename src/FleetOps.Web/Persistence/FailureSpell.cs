using System.Data.Common;

namespace FleetOps.Web.Persistence;

/// <summary>
/// A loop that retries a database operation every second or few (trying the leadership lock, reading other nodes'
/// changes) fails at every try while the database is away. Logged each time, with the driver's stack trace, a 30 s
/// PostgreSQL restart wrote some 700 lines per node, which buried the few that said what happened. This tells which
/// failures to log: the first of a spell, then one a minute with how many failed meanwhile, and the first success after.
/// Not thread-safe: one loop owns it.
/// </summary>
public sealed class FailureSpell(TimeProvider time)
{
    public static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(1);

    private DateTimeOffset _reportedAt;
    private int _unreported;

    /// <summary>When the spell began; null while the operation succeeds.</summary>
    public DateTimeOffset? Since { get; private set; }

    /// <summary>Counts a failure.</summary>
    /// <param name="failures">the failures since the last report, this one included, when the failure is to be logged</param>
    /// <returns>whether to log it: the spell's first failure, or a minute since the last report</returns>
    public bool Failed(out int failures)
    {
        var now = time.GetUtcNow();
        _unreported++;
        failures = _unreported;
        if (Since is not null && now - _reportedAt < ReportEvery) return false;
        Since ??= now;
        _reportedAt = now;
        _unreported = 0;
        return true;
    }

    /// <summary>Ends the spell.</summary>
    /// <returns>when the spell that ended began, to be logged; null when there was none</returns>
    public DateTimeOffset? Succeeded()
    {
        var since = Since;
        Since = null;
        _unreported = 0;
        return since;
    }

    /// <summary>
    /// The database's own failure behind <paramref name="exception"/> (EF Core wraps a dropped connection in an
    /// InvalidOperationException "likely due to a transient failure"), or null when it is none: then the stack trace
    /// is worth logging, since it points at code, not at the database.
    /// </summary>
    public static DbException? DatabaseCause(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db) return db;
        }
        return null;
    }

    /// <summary>One line for the log: the database failure's type and message (about the database's state, not a value).</summary>
    public static string Reason(DbException failure) => $"{failure.GetType().Name}: {failure.Message.TrimEnd('.')}";
}
