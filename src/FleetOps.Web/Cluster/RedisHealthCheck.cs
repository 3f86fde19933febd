using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FleetOps.Web.Cluster;

/// <summary>
/// Redis as <c>/health/ready</c> sees it: unreachable is Degraded (still 200), never Unhealthy — the node goes on ingesting
/// and serving pages without it, so a balancer must not take it out; only cross-node pushes wait until it is back.
/// </summary>
public sealed class RedisHealthCheck(AccessChangeRelay relay) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(relay.IsConnected
            ? HealthCheckResult.Healthy("Redis reachable")
            : HealthCheckResult.Degraded("Redis unreachable: hub messages and user changes do not reach other nodes until it is back"));
}
