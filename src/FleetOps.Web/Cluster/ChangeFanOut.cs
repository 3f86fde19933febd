using FleetOps.Web.Persistence;

namespace FleetOps.Web.Cluster;

/// <summary>
/// Whether this node announces its commits to other nodes and follows theirs, and who "this node" is. On only with
/// PostgreSQL (several nodes need one shared database) and when the node is told it has company: the Redis backplane
/// is set (PROTOCOL §4: without <c>ConnectionStrings:Redis</c> a node runs alone) or <c>FleetOps:Cluster:Enabled</c>.
/// </summary>
public sealed class ChangeFanOut(ClusterOptions cluster, DatabaseOptions database)
{
    /// <summary>The PostgreSQL notification channel; NOTIFY is sent inside the announcing transaction, so it arrives at commit.</summary>
    public const string Channel = "fleetops_changes";

    public const string EnabledKey = "FleetOps:Cluster:Enabled";

    /// <summary>The change kind of a telemetry group commit (its accepted events per terminal).</summary>
    public const string TelemetryKind = "telemetry";

    /// <summary>The change kind of a registration (<see cref="RegistrationChange"/>): other nodes reload what it names.</summary>
    public const string RegistrationKind = "registration";

    public bool Enabled { get; } = database.Provider == DatabaseProvider.Postgres
        && (cluster.Enabled || cluster.RedisConnectionString is not null);

    /// <summary>Random per process start: a restarted node is a new writer, and must re-read its own earlier rows like any other.</summary>
    public string Node { get; } = Guid.NewGuid().ToString("N")[..16];
}
