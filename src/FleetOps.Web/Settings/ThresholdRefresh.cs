namespace FleetOps.Web.Settings;

/// <summary>
/// Picks up thresholds another node saved (several nodes share one PostgreSQL): every
/// <see cref="ThresholdSettings.RefreshInterval"/> it reads the few override rows — a primary-key table of at most a
/// handful of rows, cheaper than keeping a version number in step — and applies them only when they differ.
/// </summary>
public sealed partial class ThresholdRefresh(ThresholdSettings thresholds, TimeProvider time, ILogger<ThresholdRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ThresholdSettings.RefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await thresholds.RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading saved detection thresholds failed; will retry")]
    private partial void LogFailed(Exception exception);
}
