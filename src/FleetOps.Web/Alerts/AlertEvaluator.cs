using FleetOps.Core.Alerts;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Alerts;

/// <summary>
/// Asks every detector for its findings every few seconds (<c>FleetOps:Alerts:EvaluateSeconds</c>) and lets
/// <see cref="AlertService"/> turn them into alerts. Off the ingest path by design: ingest publishes to the in-memory
/// views and returns; this reads those views on its own clock, so no number of alerts (or a slow database write of
/// them) can slow a terminal's request. An evaluation that fails is logged and the next one tries again.
/// </summary>
public sealed partial class AlertEvaluator(AlertService alerts, TimeProvider time, IOptions<AlertOptions> options, ILogger<AlertEvaluator> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            LogDisabled();
            return;
        }
        using var timer = new PeriodicTimer(options.Value.EvaluateEvery, time);
        try
        {
            do
            {
                try
                {
                    await alerts.EvaluateAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert evaluation is off on this node (FleetOps:Alerts:Enabled = false): no alert opens or resolves here")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not evaluate alerts; the next evaluation tries again")]
    private partial void LogFailed(Exception exception);
}
