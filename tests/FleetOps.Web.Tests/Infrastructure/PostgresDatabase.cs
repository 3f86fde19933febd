using FleetOps.Web.Tests.Persistence;
using Npgsql;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// A database of its own on the server named by <c>FLEETOPS_TEST_POSTGRES</c>, created empty and dropped at the end,
/// for apps started on the PostgreSQL provider. Without the variable it does nothing (the tests using it are skipped).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private const string Variable = PostgresFactAttribute.Variable;

    private readonly string _server = Environment.GetEnvironmentVariable(Variable) ?? "";
    private readonly string _database = $"fleetops_test_{Guid.NewGuid():N}"[..30];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    public async Task CreateAsync()
    {
        if (_server.Length == 0) return;
        await ExecuteOnServerAsync($"CREATE DATABASE \"{_database}\"");
    }

    /// <summary>An app on this database (a new process start each time; the database stays).</summary>
    public FleetOpsApp Start(IReadOnlyDictionary<string, string?>? settings = null) => FleetOpsApp.Create(new FleetOpsAppOptions
    {
        Settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["FleetOps:Database:Provider"] = "Postgres",
            ["ConnectionStrings:FleetOps"] = ConnectionString,
        },
    });

    public async ValueTask DisposeAsync()
    {
        if (_server.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
