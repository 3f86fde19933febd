using System.Data.Common;

namespace FleetOps.Web.Persistence;

/// <summary>What a failure that came from the database says in the log, in one line and without the stack trace.</summary>
public static class DatabaseFailure
{
    /// <summary>
    /// The database's own failure behind <paramref name="exception"/> (EF Core wraps a dropped connection in an
    /// InvalidOperationException "likely due to a transient failure", a failed insert in a DbUpdateException that says
    /// only "see the inner exception"), or null when it is none: then the stack trace is worth logging, since it points
    /// at code, not at the database.
    /// </summary>
    public static DbException? Cause(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db) return db;
        }
        return null;
    }

    /// <summary>One line for the log: the database's own failure when there is one (<see cref="Cause"/>), else the exception's.</summary>
    public static string Describe(Exception exception) =>
        Cause(exception) is { } database ? Reason(database) : $"{exception.GetType().Name}: {exception.Message.TrimEnd('.')}";

    /// <summary>One line for the log: the database failure's type and message (about the database's state, not a value).</summary>
    public static string Reason(DbException failure) => $"{failure.GetType().Name}: {failure.Message.TrimEnd('.')}";
}
