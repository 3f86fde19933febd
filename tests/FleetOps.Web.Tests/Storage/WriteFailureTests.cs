using FleetOps.Web.Ingestion;
using Npgsql;

namespace FleetOps.Web.Tests.Storage;

/// <summary>
/// A commit another node's commit beat (deadlock, serialisation failure) is a conflict, not an outage: counted as one it
/// made the node unready for 15 s, and its balancer took it out of the cluster (NodeKillTests failed once so in CI).
/// </summary>
public sealed class WriteFailureTests
{
    [Theory]
    [InlineData("40P01", true)]  // deadlock_detected
    [InlineData("40001", true)]  // serialization_failure
    [InlineData("57P01", false)] // admin_shutdown: the database is going away
    [InlineData("53100", false)] // disk_full
    [InlineData("23505", false)] // unique_violation: one request's data
    public void Only_a_transaction_rollback_is_a_conflict(string sqlState, bool conflict)
    {
        Assert.Equal(conflict, WriteFailure.IsConflict(new PostgresException("x", "ERROR", "ERROR", sqlState)));
    }

    [Fact]
    public void A_SQLite_busy_database_is_no_conflict_but_an_outage()
    {
        Assert.False(WriteFailure.IsConflict(new Microsoft.Data.Sqlite.SqliteException("database is locked", 5)));
    }
}
