using FleetOps.Core.Fleet;
using FleetOps.Web.Cluster;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Tests.Infrastructure;
using Npgsql;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>Nodes of one cluster: apps on one PostgreSQL database with the cluster switch on, each its own process start.</summary>
public static class TwoNodes
{
    public static readonly IReadOnlyDictionary<string, string?> Clustered = new Dictionary<string, string?>
    {
        [ChangeFanOut.EnabledKey] = "true",
    };

    /// <summary>A node, started at once (the host starts lazily otherwise), so it loads the database now.</summary>
    public static FleetOpsApp StartNode(this PostgresDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var node = database.Start(settings is null ? Clustered : Clustered.Concat(settings).ToDictionary());
        node.CreateClient().Dispose();
        return node;
    }

    /// <summary>When the node's in-memory fleet last saw the terminal (the latest event time it applied).</summary>
    public static DateTimeOffset? LastSeen(this FleetOpsApp node, string terminalId) =>
        node.GetService<FleetState>().Get(terminalId)?.LastSeenAt;

    public static Task SeesAsync(this FleetOpsApp node, string terminalId, DateTimeOffset lastSeen, TimeSpan? timeout = null) =>
        Eventually.MatchesAsync(() => Task.FromResult(node.LastSeen(terminalId)), seen => seen == lastSeen,
            $"{terminalId} seen at {lastSeen:O}", timeout);

    /// <summary>Kills the node's listening session the way a network fault or an administrator would; returns how many.</summary>
    public static Task<int> KillListenerAsync(this FleetOpsApp node, PostgresDatabase database) =>
        ListenerQueryAsync(node, database, "count(pg_terminate_backend(pid))");

    /// <summary>How many listening sessions the node has open (one while it follows).</summary>
    public static Task<int> ListenersAsync(this FleetOpsApp node, PostgresDatabase database) =>
        ListenerQueryAsync(node, database, "count(*)");

    private static async Task<int> ListenerQueryAsync(FleetOpsApp node, PostgresDatabase database, string what)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand($"SELECT {what} FROM pg_stat_activity WHERE application_name = @name", connection);
        query.Parameters.AddWithValue("name", node.GetService<ChangeFollower>().ListenerName);
        return Convert.ToInt32(await query.ExecuteScalarAsync());
    }
}
