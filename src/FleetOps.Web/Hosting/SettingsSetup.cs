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
        var known = new KnownSettingKeys();
        var settings = new StartupSettings(
            Read<DatabaseOptions>(configuration, DatabaseOptions.Section, problems, known,
                d => d.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? d.ConnectionString),
            Read<DetectionOptions>(configuration, DetectionOptions.Section, problems, known),
            Read<RateLimitOptions>(configuration, RateLimitOptions.Section, problems, known),
            Read<KeyProtectionOptions>(configuration, KeyProtectionOptions.Section, problems, known),
            Read<ClusterOptions>(configuration, ClusterOptions.Section, problems, known,
                c => c.RedisConnectionString = RedisSettings.ConnectionString(configuration)));
        // A SQLite file FleetOps cannot write is said like a wrong setting, once, before anything else touches the folder.
        if (problems.Count == 0 && SqliteFolderCheck.Problem(settings.Database) is { } unwritable)
        {
            problems.Add(new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions), [unwritable]));
        }
        // Across two sections: the heartbeat retention must cover the power history the window asks for.
        var retention = Read<RetentionOptions>(configuration, RetentionOptions.Section, problems, known);
        if (PowerHistoryRetention.Problem(settings.Detection, retention.HeartbeatHours, RetentionOptions.HeartbeatHoursKey) is { } tooShort)
        {
            problems.Add(new OptionsValidationException(DetectionOptions.Section, typeof(DetectionOptions), [tooShort]));
        }
        // Serilog reads its levels itself when the host is built; checked here so a wrong one is named like any other.
        Read<LogLevelOptions>(configuration, LogLevelOptions.Section, problems, known, l => l.Level = configuration[LogLevelOptions.Section]);
        if (problems.Count == 1) throw problems[0];
        if (problems.Count > 1) throw new AggregateException("Some FleetOps settings are wrong.", problems);

        services.AddSingleton(settings.Database);
        services.AddSingleton(settings.Detection);
        services.AddSingleton(settings.Cluster);
        services.AddCheckedOptions<TelemetryOptions>(known, TelemetryOptions.Section);
        services.AddCheckedOptions<RetentionOptions>(known, RetentionOptions.Section);
        services.AddCheckedOptions<MemoryOptions>(known, MemoryOptions.Section);
        services.AddCheckedOptions<BootstrapOptions>(known, BootstrapOptions.Section);
        services.AddCheckedOptions<DemoOptions>(known, DemoOptions.Section);
        services.AddCheckedOptions<SignInThrottleOptions>(known, SignInThrottleOptions.Section);
        services.AddCheckedOptions<LanguageOptions>(known, LanguageOptions.Section);
        services.AddCheckedOptions<FleetOps.Core.Alerts.AlertOptions>(known, FleetOps.Core.Alerts.AlertOptions.Section);
        services.AddCheckedOptions<SoftwareOptions>(known, SoftwareOptions.Section);
        services.AddCheckedOptions<FleetOps.Core.Maintenance.MaintenanceOptions>(known, FleetOps.Core.Maintenance.MaintenanceOptions.Section);
        services.AddCheckedOptions<FleetOps.Core.Training.TrainingOptions>(known, FleetOps.Core.Training.TrainingOptions.Section);
        services.AddCheckedOptions<FleetOps.Core.Reconciliation.ReconciliationOptions>(known, FleetOps.Core.Reconciliation.ReconciliationOptions.Section);
        services.AddCheckedOptions<FleetOps.Web.Notifications.WebhookOptions>(known, FleetOps.Web.Notifications.WebhookOptions.Section);
        services.AddCheckedOptions<FleetOps.Web.Notifications.MailOptions>(known, FleetOps.Web.Notifications.MailOptions.Section);
        services.AddCheckedOptions<FleetOps.Web.Election.LeadershipOptions>(known, FleetOps.Web.Election.LeadershipOptions.Section);
        // Every section above is in `known` now: what else is configured under FleetOps is misspelt (or newer).
        services.AddHostedService(sp => new UnknownSettingsWarning(configuration, known, sp.GetRequiredService<ILogger<UnknownSettingsWarning>>()));
        return settings;
    }

    private static void AddCheckedOptions<T>(this IServiceCollection services, KnownSettingKeys known, string section) where T : class, ICheckedSettings
    {
        known.Add(section, typeof(T));
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, CheckedSettingsValidator<T>>());
    }

    /// <remarks>A value the binder cannot convert ("abc" for a number) throws here, naming the key it was read from.</remarks>
    private static T Read<T>(IConfiguration configuration, string section, List<OptionsValidationException> problems, KnownSettingKeys known,
        Action<T>? complete = null)
        where T : class, ICheckedSettings, new()
    {
        known.Add(section, typeof(T));
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        complete?.Invoke(options);
        var found = options.Problems();
        if (found.Count > 0) problems.Add(new OptionsValidationException(section, typeof(T), found));
        return options;
    }
}
