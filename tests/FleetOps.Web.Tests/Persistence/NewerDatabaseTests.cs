using System.Data.Common;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// An older build started on a database a newer one migrated (a rollback without restoring the backup) refuses to
/// start, naming the migrations it does not know and where the runbook says what to do, and changes nothing.
/// </summary>
public sealed class NewerDatabaseTests
{
    private const string FutureMigration = "29991231235959_FromANewerBuild";
    private const string AddFutureMigration =
        $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('{FutureMigration}', '99.0.0')";

    [Fact]
    public async Task A_database_with_a_migration_this_build_does_not_know_is_refused_naming_it_and_left_as_it_was()
    {
        var database = FleetOpsApp.NewDatabasePath();
        await using (var newer = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = database, DeleteDatabaseOnDispose = false }))
        {
            _ = newer.Services; // migrated and seeded, as the newer build would have left it
        }
        DbConnection Open() => new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        const string tables = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        await ExecuteAsync(Open, AddFutureMigration);
        var before = await RowCountsAsync(Open, tables);

        await using var older = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = database });

        AssertRefused(Record.Exception(() => older.Services));
        Assert.Equal(before, await RowCountsAsync(Open, tables));
    }

    [PostgresFact]
    public async Task On_PostgreSQL_too()
    {
        await using var database = new PostgresDatabase();
        await database.CreateAsync();
        await using (var newer = database.Start())
        {
            _ = newer.Services;
        }
        DbConnection Open() => new NpgsqlConnection(database.ConnectionString);
        const string tables = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1";
        await ExecuteAsync(Open, AddFutureMigration);
        var before = await RowCountsAsync(Open, tables);

        await using var older = database.Start();

        AssertRefused(Record.Exception(() => older.Services));
        Assert.Equal(before, await RowCountsAsync(Open, tables));
    }

    private static void AssertRefused(Exception? error)
    {
        Assert.NotNull(error);
        var text = error.ToString();
        Assert.Contains($"this build does not know the migration(s) {FutureMigration}", text, StringComparison.Ordinal);
        Assert.Contains("restore the backup taken before the upgrade (docs/operations.md", text, StringComparison.Ordinal);
    }

    /// <summary>Every table with its number of rows: a start that went any further adds listening runs, users, audit lines.</summary>
    private static async Task<string> RowCountsAsync(Func<DbConnection> open, string listTables)
    {
        await using var connection = open();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = listTables;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new List<string>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts.Add($"{table}={await count.ExecuteScalarAsync()}");
        }
        return string.Join(", ", counts);
    }

    private static async Task ExecuteAsync(Func<DbConnection> open, string sql)
    {
        await using var connection = open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
