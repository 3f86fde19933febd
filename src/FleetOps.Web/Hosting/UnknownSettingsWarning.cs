namespace FleetOps.Web.Hosting;

/// <summary>
/// At start, a warning for each configured key under <c>FleetOps</c> (appsettings, environment, command line) that no
/// settings class binds — a misspelt name is otherwise read by nothing and silently left at its default — with the
/// known key it most likely meant. A warning, not a stop: during a rollback an older build must still start with the
/// settings a newer one added.
/// </summary>
public sealed partial class UnknownSettingsWarning(IConfiguration configuration, KnownSettingKeys known, ILogger<UnknownSettingsWarning> logger)
    : IHostedService
{
    public const string Root = "FleetOps";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var key in UnknownKeys())
        {
            if (known.Nearest(key) is { } nearest) LogUnknownNear(key, nearest);
            else LogUnknown(key);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Keys with a value, each once, in order. A section is judged by its children: some sources give a section a value
    /// of its own (an empty one) beside them. (Not by <c>GetChildren</c>: in the test host it found children under
    /// "FleetOps:Retention:HeartbeatHour" beside "…HeartbeatHours", and the misspelling went unreported.)
    /// </summary>
    public IEnumerable<string> UnknownKeys()
    {
        var keys = configuration.GetSection(Root).AsEnumerable().Where(pair => pair.Value is not null).Select(pair => pair.Key)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return keys
            .Where(key => !known.Knows(key) && !keys.Any(other => other.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The setting {Key} is not one FleetOps knows and is ignored; did you mean {Nearest}?")]
    private partial void LogUnknownNear(string key, string nearest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The setting {Key} is not one FleetOps knows and is ignored.")]
    private partial void LogUnknown(string key);
}
