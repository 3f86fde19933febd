using FleetOps.Web.Tests.Persistence;
using Npgsql;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// A database of its own on the server named by <c>FLEETOPS_TEST_POSTGRES</c>, created empty and dropped at the end,
/// for apps started on the PostgreSQL provider: as a class fixture (xunit creates and drops it) or with
/// <c>await using</c> after <see cref="CreateAsync"/>. Tests using it are <see cref="PostgresFactAttribute"/>s, so without
/// a server they are skipped and this does nothing.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _server = Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) ?? "";
    private readonly string _database = $"fleetops_test_{Guid.NewGuid():N}"[..30];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    public Task CreateAsync() => OnServerAsync($"CREATE DATABASE \"{_database}\"");

    /// <summary>An app on this database (a new process start each time; the database stays).</summary>
    public FleetOpsApp Start(IReadOnlyDictionary<string, string?>? settings = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null) =>
        FleetOpsApp.Create(new FleetOpsAppOptions
    {
        Clock = clock,
        Settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["FleetOps:Database:Provider"] = "Postgres",
            ["ConnectionStrings:FleetOps"] = ConnectionString,
        },
    });

    /// <summary>
    /// The database out of reach, as a node sees a failover or a network fault: new sessions refused, every open one ended.
    /// <see cref="ReopenAsync"/> lets sessions in again.
    /// </summary>
    public async Task CloseAsync()
    {
        await OnServerAsync($"ALTER DATABASE \"{_database}\" ALLOW_CONNECTIONS false");
        await OnServerAsync($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{_database}'");
    }

    public Task ReopenAsync() => OnServerAsync($"ALTER DATABASE \"{_database}\" ALLOW_CONNECTIONS true");

    Task IAsyncLifetime.InitializeAsync() => CreateAsync();

    Task IAsyncLifetime.DisposeAsync() => DropAsync();

    public ValueTask DisposeAsync() => new(DropAsync());

    private Task DropAsync()
    {
        if (_server.Length == 0) return Task.CompletedTask;
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
