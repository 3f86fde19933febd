using FleetOps.Core.Maintenance;
using FleetOps.Web.Election;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// Loads maintenance at start-up (seeding the shipped checklists), then asks <see cref="PlanService.GenerateAsync"/> on its
/// own clock (<c>FleetOps:Maintenance:GenerateEveryMinutes</c>, a <see cref="TimeProvider"/> timer): new days come into the
/// window, a completion-basis plan's previous work gets done. A failed run is logged; the next tries again.
/// Every node loads; only the leading node generates (<see cref="Leadership"/>), at once when it takes the lead.
/// </summary>
public sealed partial class PlanGenerator(PlanService plans, Leadership leadership, TimeProvider time, IOptions<MaintenanceOptions> options,
    ILogger<PlanGenerator> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await plans.LoadAsync(cancellationToken); // before Kestrel listens: no request sees an empty book
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.WhileLeadingAsync(GenerateAsync, stoppingToken);

    private async Task GenerateAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.GenerateEvery, time);
        try
        {
            do
            {
                try
                {
                    await plans.GenerateAsync(stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not generate maintenance work orders; the next run tries again")]
    private partial void LogFailed(Exception exception);
}
