using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// For the tests of a migration's data step: a new database on SQLite or PostgreSQL migrated to just before the
/// migration, rows written as the schema was then (plain SQL: the model knows only today's columns), and the rest of
/// the migrations applied.
/// </summary>
public sealed class MigrationDatabase : IAsyncLifetime
{
    private readonly PostgresDatabase _postgres = new();

    private static bool HasPostgres => Environment.GetEnvironmentVariable("FLEETOPS_TEST_POSTGRES") is not null;

    public Task InitializeAsync() => HasPostgres ? _postgres.CreateAsync() : Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (HasPostgres) await _postgres.DisposeAsync();
    }

    /// <summary>Runs <paramref name="test"/> on a new SQLite file, deleted afterwards.</summary>
    public static async Task OnSqliteAsync(Func<FleetDbContext, Task> test)
    {
        var file = Path.Combine(Path.GetTempPath(), $"fleetops-migration-{Guid.NewGuid():N}.db");
        try
        {
            // Not pooled: nothing to clear, and clearing every pool in the process would pull connections from under the
            // tests running beside this one.
            var options = new DbContextOptionsBuilder<SqliteFleetDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
            await using var db = new SqliteFleetDbContext(options);
            await test(db);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs <paramref name="test"/> on this fixture's PostgreSQL database.</summary>
    public async Task OnPostgresAsync(Func<FleetDbContext, Task> test)
    {
        var options = new DbContextOptionsBuilder<PostgresFleetDbContext>().UseNpgsql(_postgres.ConnectionString).Options;
        await using var db = new PostgresFleetDbContext(options);
        await test(db);
    }

    /// <summary>Migrates <paramref name="db"/> to the migration before the one named <paramref name="migration"/>; returns the migrator.</summary>
    public static async Task<IMigrator> MigrateToJustBeforeAsync(FleetDbContext db, string migration)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal)) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(before);
        return migrator;
    }

    /// <summary>Runs one statement with named parameters on <paramref name="db"/>'s connection.</summary>
    public static async Task RunAsync(FleetDbContext db, string sql, params (string Name, object Value)[] values)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = CommandParameters.Command(connection, null, sql, values.Select(v => v.Name).ToArray());
        await CommandParameters.RunAsync(command, CancellationToken.None, values.Select(v => v.Value).ToArray());
    }
}
