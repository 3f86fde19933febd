using FleetOps.Web.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FleetOps.Web.Hosting;

/// <summary>Readiness: the database answers.</summary>
public sealed class DatabaseHealthCheck(FleetDbContextFactory databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
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
