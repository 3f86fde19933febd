namespace FleetOps.Web.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary><c>FleetOps:Database</c> plus <c>ConnectionStrings:FleetOps</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "FleetOps:Database";
    public const string DefaultSqlite = "Data Source=data/fleetops.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = DefaultSqlite;
}
