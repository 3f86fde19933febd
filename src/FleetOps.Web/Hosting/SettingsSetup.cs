using FleetOps.Core.Detection;
using FleetOps.Core.Settings;
using FleetOps.Web.Background;
using FleetOps.Web.Cluster;
using FleetOps.Web.Demo;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Localization;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Every <c>FleetOps:*</c> settings section, bound and checked in one place: a wrong value (out of range, not a number,
/// an unknown provider, PostgreSQL without a connection string) stops the server at start with a message that names
/// the setting, instead of surfacing later as odd behaviour.
/// </summary>
public static class SettingsSetup
{
    /// <summary>
    /// Sections the wiring reads now are bound and checked now (an <see cref="OptionsValidationException"/>, or an
    /// <see cref="AggregateException"/> of several, before the host exists); the rest are bound as options and checked
    /// when the host starts (<c>ValidateOnStart</c>). Either way by the section's own <see cref="ICheckedSettings"/> rules.
    /// </summary>
    public static StartupSettings AddFleetSettings(this IServiceCollection services, IConfiguration configuration)
    {
        var problems = new List<OptionsValidationException>();
        var settings = new StartupSettings(
            Read<DatabaseOptions>(configuration, DatabaseOptions.Section, problems,
                d => d.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? d.ConnectionString),
            Read<DetectionOptions>(configuration, DetectionOptions.Section, problems),
            Read<RateLimitOptions>(configuration, RateLimitOptions.Section, problems),
            Read<KeyProtectionOptions>(configuration, KeyProtectionOptions.Section, problems),
            Read<ClusterOptions>(configuration, ClusterOptions.Section, problems,
                c => c.RedisConnectionString = RedisSettings.ConnectionString(configuration)));
        // Serilog reads its levels itself when the host is built; checked here so a wrong one is named like any other.
        Read<LogLevelOptions>(configuration, LogLevelOptions.Section, problems, l => l.Level = configuration[LogLevelOptions.Section]);
        if (problems.Count == 1) throw problems[0];
        if (problems.Count > 1) throw new AggregateException("Some FleetOps settings are wrong.", problems);

        services.AddSingleton(settings.Database);
        services.AddSingleton(settings.Detection);
        services.AddSingleton(settings.Cluster);
        services.AddCheckedOptions<TelemetryOptions>(TelemetryOptions.Section);
        services.AddCheckedOptions<RetentionOptions>(RetentionOptions.Section);
        services.AddCheckedOptions<MemoryOptions>(MemoryOptions.Section);
        services.AddCheckedOptions<BootstrapOptions>(BootstrapOptions.Section);
        services.AddCheckedOptions<DemoOptions>(DemoOptions.Section);
        services.AddCheckedOptions<SignInThrottleOptions>(SignInThrottleOptions.Section);
        services.AddCheckedOptions<LanguageOptions>(LanguageOptions.Section);
        services.AddCheckedOptions<FleetOps.Core.Alerts.AlertOptions>(FleetOps.Core.Alerts.AlertOptions.Section);
        services.AddCheckedOptions<SoftwareOptions>(SoftwareOptions.Section);
        services.AddCheckedOptions<FleetOps.Core.Maintenance.MaintenanceOptions>(FleetOps.Core.Maintenance.MaintenanceOptions.Section);
        services.AddCheckedOptions<FleetOps.Core.Training.TrainingOptions>(FleetOps.Core.Training.TrainingOptions.Section);
        services.AddCheckedOptions<FleetOps.Core.Reconciliation.ReconciliationOptions>(FleetOps.Core.Reconciliation.ReconciliationOptions.Section);
        services.AddCheckedOptions<FleetOps.Web.Notifications.WebhookOptions>(FleetOps.Web.Notifications.WebhookOptions.Section);
        services.AddCheckedOptions<FleetOps.Web.Notifications.MailOptions>(FleetOps.Web.Notifications.MailOptions.Section);
        services.AddCheckedOptions<FleetOps.Web.Election.LeadershipOptions>(FleetOps.Web.Election.LeadershipOptions.Section);
        return settings;
    }

    private static void AddCheckedOptions<T>(this IServiceCollection services, string section) where T : class, ICheckedSettings
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, CheckedSettingsValidator<T>>());
    }

    /// <remarks>A value the binder cannot convert ("abc" for a number) throws here, naming the key it was read from.</remarks>
    private static T Read<T>(IConfiguration configuration, string section, List<OptionsValidationException> problems, Action<T>? complete = null)
        where T : class, ICheckedSettings, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        complete?.Invoke(options);
        var found = options.Problems();
        if (found.Count > 0) problems.Add(new OptionsValidationException(section, typeof(T), found));
        return options;
    }
}
