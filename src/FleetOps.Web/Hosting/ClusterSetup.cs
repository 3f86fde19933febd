using FleetOps.Web.Cluster;
using FleetOps.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Several nodes (issue 17): with <c>ConnectionStrings:Redis</c> set, the fleet hub's messages to a user, a connection or
/// everyone go through the Redis backplane (its groups stay on each node, <see cref="FleetHubLifetimeManager"/>), users changed on one node are
/// re-read on the others (<see cref="AccessChangeRelay"/>), and <c>/health/ready</c> reports Redis (degraded when away).
/// Unset, nothing here is registered and the node runs alone.
/// </summary>
public static class ClusterSetup
{
    public static IServiceCollection AddCluster(this IServiceCollection services, ClusterOptions cluster)
    {
        if (cluster.RedisConnectionString is not { } redis) return services;
        var options = RedisSettings.Options(redis);
        services.AddSingleton(options);
        services.Configure<RedisOptions>(o => o.Configuration = RedisSettings.Options(redis));
        // The fleet hub only, not every hub as AddStackExchangeRedis() would: Blazor's own circuit hub gains nothing from a
        // backplane (a circuit lives on one node; the balancer's affinity keeps its browser there) and would refuse new
        // pages while Redis is down, because a connection subscribes to its Redis channels as it opens.
        // Its groups stay on this node (FleetHubLifetimeManager): live pushes go on while Redis is down.
        services.AddSingleton<DefaultHubLifetimeManager<FleetHub>>();
        services.AddSingleton<RedisBackplane>(); // owns the Redis manager: its disposal must not fail a shutdown
        services.AddSingleton<HubLifetimeManager<FleetHub>>(sp => new FleetHubLifetimeManager(
            sp.GetRequiredService<DefaultHubLifetimeManager<FleetHub>>(), sp.GetRequiredService<RedisBackplane>().Manager));
        services.AddSingleton<AccessChangeRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessChangeRelay>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }
}
