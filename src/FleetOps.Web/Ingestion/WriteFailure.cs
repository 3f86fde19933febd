using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// Tells the two reasons a group commit can fail apart. When the database itself is unavailable (connection lost,
/// server shutting down, disk full or unreadable, locked too long) every request of the commit gets 503 at once:
/// retrying them one by one would only hammer a database that cannot answer. Anything else — a value the database
/// refuses, a trigger or constraint, a bug that one request's data trips — is taken to be one write's fault, and the
/// writer retries the others without it, so that one bad terminal cannot fail everybody's requests.
/// </summary>
internal static class WriteFailure
{
    // SQLite primary result codes that concern the database or its file, not the row: BUSY, LOCKED, NOMEM, READONLY,
    // IOERR, CORRUPT, FULL, CANTOPEN, PROTOCOL, NOTADB (https://www.sqlite.org/rescode.html).
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 7, 8, 10, 11, 13, 14, 15, 26];

    // PostgreSQL SQLSTATE classes of the same kind: connection exception, insufficient resources, operator
    // intervention (shutdown, cancel), system error (I/O), internal error.
    private static readonly string[] PostgresUnavailableClasses = ["08", "53", "57", "58", "XX"];

    public static bool MeansDatabaseDown(Exception exception, DbConnection connection)
    {
        if (connection.State != ConnectionState.Open) return true;
        return exception switch
        {
            SqliteException sqlite => SqliteUnavailable.Contains(sqlite.SqliteErrorCode),
            PostgresException postgres => postgres.IsTransient
                                          || PostgresUnavailableClasses.Any(c => postgres.SqlState.StartsWith(c, StringComparison.Ordinal)),
            // Npgsql's own exceptions that are not a server's answer: the network, a timeout, a broken stream.
            NpgsqlException => true,
            DbException db => db.IsTransient,
            _ => false,
        };
    }

    /// <summary>
    /// A PostgreSQL transaction rollback (SQLSTATE class 40: deadlock, serialisation failure): the commit lost to another
    /// transaction — on a cluster, another node's commit of the same terminals — and the database itself is fine.
    /// </summary>
    public static bool IsConflict(Exception exception) =>
        exception is PostgresException { SqlState: { } state } && state.StartsWith("40", StringComparison.Ordinal);

    /// <summary>
    /// Why the database cannot be used, in one line for the log: the driver's message and that of its cause (a refused
    /// connection's socket error). Only for failures <see cref="MeansDatabaseDown"/> judged the database's: they name the
    /// database's state, not a value that was sent. The stack trace is left out: it is the writer's, the same every time.
    /// </summary>
    public static string Reason(Exception exception)
    {
        var message = exception.Message.TrimEnd('.');
        return exception.InnerException is { } cause && cause.Message != exception.Message
            ? $"{exception.GetType().Name}: {message} ({cause.Message.TrimEnd('.')})"
            : $"{exception.GetType().Name}: {message}";
    }

    /// <summary>What may be logged about a refused write: the type and database code, never the message (it can quote values).</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SqliteException sqlite => $"{exception.GetType().Name} (SQLite {sqlite.SqliteExtendedErrorCode})",
        DbException { SqlState: { } state } => $"{exception.GetType().Name} (SQLSTATE {state})",
        _ => exception.GetType().Name,
    };
}
