using FleetOps.Core.Telemetry;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Background;

/// <summary>
/// Heartbeats are most of the traffic and only their latest values matter, so their rows expire.
/// Deletes in small chunks so the event writer is never blocked for long on SQLite's single write lock.
/// </summary>
public sealed partial class HeartbeatRetention(
    FleetDbContextFactory databases,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<HeartbeatRetention> logger) : BackgroundService
{
    private const int Chunk = 5000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes)), time);
        try
        {
            do
            {
                try
                {
                    var deleted = await DeleteExpiredAsync(stoppingToken);
                    if (deleted > 0) LogDeleted(deleted);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        // Keep this at or above the power horizon (7 × the unstable-power window): boot ids are rebuilt from heartbeats at start-up.
        // The same threshold the telemetry API refuses older heartbeats by, so a resend of a deleted one is never accepted again.
        var cutoff = EventLimits.HeartbeatCutoff(time.GetUtcNow(), options.Value.HeartbeatHours).ToUnixTimeMilliseconds();
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var db = databases.CreateDbContext();
            var ids = await db.Events.Where(e => e.Type == "heartbeat" && e.AtMs < cutoff)
                .OrderBy(e => e.AtMs).Select(e => e.Id).Take(Chunk).ToListAsync(cancellationToken);
            if (ids.Count == 0) break;
            total += await db.Events.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired heartbeat rows")]
    private partial void LogDeleted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat retention sweep failed; will retry")]
    private partial void LogFailed(Exception exception);
}
