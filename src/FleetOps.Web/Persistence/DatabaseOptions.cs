using System.Data.Common;
using FleetOps.Core.Settings;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FleetOps.Web.Persistence;

/// <summary><c>FleetOps:Database</c> plus <c>ConnectionStrings:FleetOps</c>.</summary>
public sealed class DatabaseOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Database";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string ConnectionStringName = "FleetOps";
    public const string DefaultSqlite = "Data Source=data/fleetops.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = DefaultSqlite;

    /// <summary>
    /// SQLite: the event writer moves the write-ahead log into the database file once the log holds this many 4 KiB pages,
    /// inside the commit that passes it (SQLite's own automatic checkpoint, default 1,000). Measured (docs/benchmarks.md):
    /// a checkpoint on another connection syncs the database file while the writer syncs the log, and doubles the
    /// single-event p99; on the writer's connection the two never overlap.
    /// </summary>
    public int WalCheckpointPages { get; set; } = 1_000;

    /// <summary>
    /// SQLite: past this size the log is truncated (<c>WalCheckpointer</c>), for the case where readers kept the automatic
    /// checkpoint from ever rewinding it.
    /// </summary>
    public int WalLimitMegabytes { get; set; } = 64;

    /// <summary>
    /// PostgreSQL: how long the event writer may wait, while requests keep coming, for a commit as large as the last one
    /// (<c>Ingestion.CommitGathering</c>); 0 commits whatever is queued at once. Each commit costs the shared database a
    /// fixed price, so fewer, larger commits leave it more room; the wait adds at most this much to a request's latency.
    /// </summary>
    public int PostgresGatherMicroseconds { get; set; } = 300;

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

    /// <summary>
    /// Without its own connection string PostgreSQL would be handed the SQLite default and fail with a driver message
    /// that names no setting. Parse errors name the keyword at fault, never a value (the string may hold a password).
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new SettingProblems(Section).Known(Provider)
            .Range(WalCheckpointPages, 1, 1_000_000).Range(WalLimitMegabytes, 1, 65_536)
            .Range(PostgresGatherMicroseconds, 0, 10_000);
        if (Provider == DatabaseProvider.Postgres && (string.IsNullOrWhiteSpace(ConnectionString) || ConnectionString == DefaultSqlite))
        {
            return problems.Require(false, $"{ConnectionStringKey} must be set when {problems.Key(nameof(Provider))} is {DatabaseProvider.Postgres}.").ToList();
        }
        if (string.IsNullOrWhiteSpace(ConnectionString)) return problems.Require(false, $"{ConnectionStringKey} must not be empty.").ToList();
        var parseError = ParseError();
        return problems.Require(parseError is null, $"{ConnectionStringKey} is not a valid {Provider} connection string: {parseError}").ToList();
    }

    private string? ParseError()
    {
        try
        {
            DbConnectionStringBuilder builder = Provider == DatabaseProvider.Postgres ? new NpgsqlConnectionStringBuilder() : new SqliteConnectionStringBuilder();
            builder.ConnectionString = ConnectionString;
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return ex.Message;
        }
    }
}
