using FleetOps.Core.Alerts;
using FleetOps.Web.Background;
using FleetOps.Web.Election;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Alerts;

/// <summary>
/// Asks every detector for its findings every few seconds (<c>FleetOps:Alerts:EvaluateSeconds</c>) and lets
/// <see cref="AlertService"/> turn them into alerts. Off the ingest path by design: ingest publishes to the in-memory
/// views and returns; this reads those views on its own clock, so no number of alerts (or a slow database write of
/// them) can slow a terminal's request. An evaluation that fails is logged and the next one tries again.
/// <para>
/// Alerts are opened once per cluster: only the leading node evaluates (<see cref="Leadership"/>). A node that takes the
/// lead re-reads the alerts from the database first — the previous leader opened and resolved some since this node loaded
/// them — and its first evaluation then opens whatever should have opened while no node led.
/// </para>
/// </summary>
public sealed partial class AlertEvaluator(AlertService alerts, Leadership leadership, TimeProvider time, IOptions<AlertOptions> options,
    ILogger<AlertEvaluator> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Enabled) return leadership.WhileLeadingAsync(LeadAsync, stoppingToken);
        LogDisabled();
        return Task.CompletedTask;
    }

    private async Task LeadAsync(CancellationToken stoppingToken)
    {
        if (leadership.Elected) await alerts.ReloadAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.EvaluateEvery, time);
        try
        {
            do
            {
                try
                {
                    await OffThePool.RunAsync(() => alerts.EvaluateAsync(stoppingToken));
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
