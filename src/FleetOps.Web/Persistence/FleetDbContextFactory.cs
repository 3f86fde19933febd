using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;
using System.Data.Common;

namespace FleetOps.Web.Persistence;

/// <summary>Creates the provider's context and raw connections (for the event writer) from one setting.</summary>
public sealed class FleetDbContextFactory(DatabaseOptions options) : IDbContextFactory<FleetDbContext>
{
    public DatabaseProvider Provider => options.Provider;

    public DatabaseOptions Options => options;

    public FleetDbContext CreateDbContext() => options.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresFleetDbContext(new DbContextOptionsBuilder<PostgresFleetDbContext>()
            .UseNpgsql(options.ConnectionString).Options),
        _ => new SqliteFleetDbContext(new DbContextOptionsBuilder<SqliteFleetDbContext>()
            .UseSqlite(options.ConnectionString).Options),
    };

    public DbConnection CreateConnection() => options.Provider switch
    {
        DatabaseProvider.Postgres => new NpgsqlConnection(options.ConnectionString),
        _ => new SqliteConnection(options.ConnectionString),
    };

    /// <summary>Makes sure the folder of a SQLite file exists; EF would otherwise fail on a fresh clone.</summary>
    public void EnsureDataDirectory()
    {
        if (options.SqliteFile is not null) Directory.CreateDirectory(options.DataFolder);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFleetDbContext>
{
    public SqliteFleetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFleetDbContext>().UseSqlite(DatabaseOptions.DefaultSqlite).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFleetDbContext>
{
    public PostgresFleetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFleetDbContext>().UseNpgsql("Host=localhost;Database=fleetops").Options);
}
