using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using System.Data.Common;

namespace FleetOps.Web.Persistence;

/// <summary>
/// Tells "a row with this key exists" from other write failures on both providers, so a registration that lost a race
/// against another node answers 409 rather than 500.
/// </summary>
public static class UniqueViolation
{
    // SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE; a foreign-key or NOT NULL failure is something else.
    private const int SqlitePrimaryKey = 1555;
    private const int SqliteUnique = 2067;

    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException is DbException inner && inner.IsUniqueViolation();

    /// <summary>The same question for a failure of a plain command (the bulk import writes without EF).</summary>
    public static bool IsUniqueViolation(this DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqlitePrimaryKey or SqliteUnique,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
