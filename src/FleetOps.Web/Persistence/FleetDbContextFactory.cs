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

    /// <remarks>
    /// <c>ids.Contains(column)</c> goes to the database as one parameter (a JSON array read by <c>json_each</c> on SQLite,
    /// an array with <c>= ANY</c> on PostgreSQL) instead of EF Core 10's default of one parameter per item. Lists here
    /// come from imports, alert storms and other nodes' changes and can hold 100,000 ids; SQLite refuses a statement with
    /// more than 32,766 parameters, PostgreSQL more than 65,535, and a refused peer change would be retried for ever.
    /// </remarks>
    public FleetDbContext CreateDbContext() => options.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresFleetDbContext(new DbContextOptionsBuilder<PostgresFleetDbContext>()
            .UseNpgsql(options.ConnectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).Options),
        _ => new SqliteFleetDbContext(new DbContextOptionsBuilder<SqliteFleetDbContext>()
            .UseSqlite(options.ConnectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).Options),
    };

    public DbConnection CreateConnection() => options.Provider switch
    {
        DatabaseProvider.Postgres => new NpgsqlConnection(options.ConnectionString),
        _ => new SqliteConnection(options.ConnectionString),
    };

    /// <summary>
    /// The event writer's own connection. On PostgreSQL its statements are prepared on the server after their second use
    /// (Npgsql's automatic preparation; the connection string's own <c>Max Auto Prepare</c> wins when set): the writer
    /// runs the same few statements for the life of the connection, and each otherwise costs a parse and plan per row.
    /// </summary>
    public DbConnection CreateWriterConnection()
    {
        if (options.Provider != DatabaseProvider.Postgres) return CreateConnection();
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = WriterPreparedStatements;
        return new NpgsqlConnection(builder.ConnectionString);
    }

    // The writer's statements (about ten) with room for the varying ones (a merged row's, an announcement's).
    private const int WriterPreparedStatements = 32;

    /// <summary>
    /// Makes sure the folder of a SQLite file exists (EF would otherwise fail on a fresh clone), and makes a new database
    /// file readable by its owner only (<see cref="OwnerOnlyFile"/>); an existing file keeps its mode.
    /// </summary>
    public void EnsureDataDirectory()
    {
        if (options.SqliteFile is not { } file) return;
        Directory.CreateDirectory(options.DataFolder);
        OwnerOnlyFile.CreateEmpty(file);
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
