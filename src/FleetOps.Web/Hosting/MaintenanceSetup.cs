using FleetOps.Web.Localization;
using FleetOps.Web.Alerts;
using FleetOps.Web.Maintenance;

namespace FleetOps.Web.Hosting;

/// <summary>Maintenance (issue 14): the book, the services, the generator that loads and runs plans, the overdue alert source.</summary>
public static class MaintenanceSetup
{
    /// <summary>Call after the start-up initializer (the database must be migrated and the fleet loaded) and before the alert evaluator.</summary>
    public static IServiceCollection AddMaintenance(this IServiceCollection services)
    {
        services.AddSingleton<MaintenanceBook>();
        services.AddSingleton<MaintenanceService>();
        services.AddSingleton<PlanService>();
        services.AddSingleton<WorkOrderPhotos>();
        services.AddScoped<FleetOps.Web.Components.Maintenance.ChecklistDrafts>(); // a checklist being filled in, kept in the browser
        services.AddSingleton<CalendarFeeds>();
        services.AddSingleton<IBookingWording, BookingWording>();
        services.AddHostedService<PlanGenerator>();
        services.AddSingleton<IAlertSource, MaintenanceAlertSource>();
        return services;
    }
}
