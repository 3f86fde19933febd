using FleetOps.Web.Tests.Persistence;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// Runs only where both <c>FLEETOPS_TEST_POSTGRES</c> (a server) and <c>FLEETOPS_TEST_REDIS</c> (the redis-server program;
/// each test starts and kills its own on a free port) are set — scripts/test.sh sets both when the machine has them.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public const string RedisVariable = "FLEETOPS_TEST_REDIS";

    public ClusterFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable))
            || string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RedisVariable)))
        {
            Skip = $"Set {PostgresFactAttribute.Variable} to a PostgreSQL connection string and {RedisVariable} to the redis-server program to run the cluster tests.";
        }
    }
}
