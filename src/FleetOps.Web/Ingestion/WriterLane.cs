using System.Data.Common;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// One of the event writer's connections with its prepared statements. SQLite has one lane; PostgreSQL two, so that the
/// next group's statements can run while the previous group's COMMIT waits for its WAL flush (<see cref="EventWriter"/>).
/// A lane is opened when first needed and closed when the database is found down; the next group opens it again.
/// </summary>
internal sealed class WriterLane(FleetDbContextFactory databases, bool announce) : IDisposable
{
    public DbConnection? Connection { get; private set; }

    public WriterCommands? Commands { get; private set; }

    public bool IsOpen => Connection is not null;

    /// <summary>Opens the lane unless it is open. Throws <see cref="DbException"/> or <see cref="InvalidOperationException"/>
    /// when the database cannot be reached.</summary>
    public async Task OpenAsync()
    {
        if (Connection is not null) return;
        var connection = databases.CreateWriterConnection();
        try
        {
            await connection.OpenAsync();
            if (databases.Provider == DatabaseProvider.Sqlite)
            {
                // synchronous=FULL: an acknowledged event survives power loss, not only a process crash. The checkpoint runs
                // here, inside the commit that fills the log, so that its sync of the database file never overlaps the
                // writer's own sync of the log (DatabaseOptions.WalCheckpointPages).
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; " +
                    $"PRAGMA wal_autocheckpoint={databases.Options.WalCheckpointPages};";
                await pragma.ExecuteNonQueryAsync();
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        Connection = connection;
        Commands = new WriterCommands(connection, databases.Provider, announce, groupCommit: true);
    }

    public void Close()
    {
        Commands?.Dispose();
        Connection?.Dispose();
        Commands = null;
        Connection = null;
    }

    public void Dispose() => Close();
}
