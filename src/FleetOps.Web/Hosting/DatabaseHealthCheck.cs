using FleetOps.Web.Ingestion;
using FleetOps.Web.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Readiness: the database answers, and takes telemetry. A database that answers a connection but refuses every commit
/// (a full disk) read as healthy before, while every terminal got 503; now the writer's failures count until
/// <see cref="WriterOutage.UnreadyFor"/> after the last one, so that a node its balancer took out is tried again.
/// </summary>
public sealed class DatabaseHealthCheck(FleetDbContextFactory databases, EventWriter writer, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (writer.Outage is { } outage && time.GetUtcNow() - outage.LastFailureAt < WriterOutage.UnreadyFor)
        {
            return HealthCheckResult.Unhealthy($"{databases.Provider} does not take telemetry since {outage.Since:O}: {outage.Reason}");
        }
        try
        {
            await using var db = databases.CreateDbContext();
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{databases.Provider} reachable")
                : HealthCheckResult.Unhealthy($"{databases.Provider} not reachable");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{databases.Provider} not reachable", ex);
        }
    }
}
