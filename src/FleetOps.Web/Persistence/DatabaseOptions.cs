using Microsoft.Data.Sqlite;

namespace FleetOps.Web.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary><c>FleetOps:Database</c> plus <c>ConnectionStrings:FleetOps</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "FleetOps:Database";
    public const string DefaultSqlite = "Data Source=data/fleetops.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = DefaultSqlite;

    /// <summary>The SQLite file, or null for PostgreSQL and in-memory SQLite.</summary>
    public string? SqliteFile
    {
        get
        {
            if (Provider != DatabaseProvider.Sqlite) return null;
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return string.IsNullOrEmpty(file) || file == ":memory:" ? null : Path.GetFullPath(file);
        }
    }

    /// <summary>Where FleetOps keeps its own files: the SQLite file's folder, else <c>data/</c> under the working directory.</summary>
    public string DataFolder => Path.GetDirectoryName(SqliteFile) ?? Path.GetFullPath("data");
}
