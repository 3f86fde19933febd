using FleetOps.Web.Tests.Persistence;
using Npgsql;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database per test class on the server named by <c>FLEETOPS_TEST_POSTGRES</c>, dropped afterwards;
/// <see cref="Start"/> runs FleetOps on it. Tests using it are <see cref="PostgresFactAttribute"/>s, so without a
/// server they are skipped and this does nothing.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly string _server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) ?? "";
    private readonly string _database = $"fleetops_test_{Guid.NewGuid():N}"[..30];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    public FleetOpsApp Start() => FleetOpsApp.Create(new FleetOpsAppOptions
    {
        Settings = new Dictionary<string, string?>
        {
            ["FleetOps:Database:Provider"] = "Postgres",
            ["ConnectionStrings:FleetOps"] = ConnectionString,
        },
    });

    public Task InitializeAsync() => OnServerAsync($"CREATE DATABASE \"{_database}\"");

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return OnServerAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private async Task OnServerAsync(string sql)
    {
        if (_server.Length == 0) return;
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
