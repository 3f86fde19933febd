using StackExchange.Redis;

namespace FleetOps.Web.Cluster;

/// <summary>
/// <c>ConnectionStrings:Redis</c> (PROTOCOL §4): unset, a node runs alone; set, every node of a deployment names the same
/// server, which carries the SignalR backplane and the cluster's user changes.
/// </summary>
public static class RedisSettings
{
    public const string ConnectionName = "Redis";

    public static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionName) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>
    /// The client options every Redis connection of a node uses. Redis is an accessory, never a dependency of ingest or
    /// pages: a node starts without it (<c>AbortOnConnectFail=false</c>, reconnecting by itself). While it is away a send
    /// waits in the client's backlog for at most <see cref="ConfigurationOptions.AsyncTimeout"/> (2 s) and goes out if
    /// Redis is back by then (a user change published meanwhile is then still delivered).
    /// </summary>
    public static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.AsyncTimeout = 2000;
        options.ConnectTimeout = 2000;
        // Back within a second or two of Redis returning, not after the default's growing back-off.
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ClientName ??= "fleetops";
        return options;
    }
}
