using FleetOps.Web.Alerts;
using FleetOps.Web.Rollouts;

namespace FleetOps.Web.Hosting;

/// <summary>Staged rollouts (issue 13): the book, the service, the watcher that loads and follows them, their alert source.</summary>
public static class RolloutSetup
{
    /// <summary>Call after the start-up initializer (the fleet must be loaded) and before the alert evaluator.</summary>
    public static IServiceCollection AddRollouts(this IServiceCollection services)
    {
        services.AddSingleton<RolloutBook>();
        services.AddSingleton<RolloutService>();
        services.AddHostedService<RolloutWatcher>();
        services.AddSingleton<IAlertSource, RolloutAlertSource>();
        return services;
    }
}
