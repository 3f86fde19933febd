using FleetOps.Web.Alerts;
using FleetOps.Web.Training;

namespace FleetOps.Web.Hosting;

/// <summary>Staff training (issue 15): the book and its loader, the access rule, the service, targeting, the overdue alert source.</summary>
public static class TrainingSetup
{
    /// <summary>Call after the start-up initializer (the database must be migrated) and maintenance, and before the alert evaluator.</summary>
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddSingleton<TrainingBook>();
        services.AddSingleton<TrainingAccess>();
        services.AddSingleton<TrainingService>();
        services.AddSingleton<TrainingTargets>();
        services.AddHostedService<TrainingBookLoader>();
        services.AddSingleton<IAlertSource, TrainingAlertSource>();
        return services;
    }
}
