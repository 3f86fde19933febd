using FleetOps.Core.Telemetry;
using FleetOps.Web.Election;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Background;

/// <summary>
/// Heartbeats are most of the traffic and only their latest values matter, so their hour roll-ups and boot segments
/// expire. Deletes in small chunks so the event writer is never blocked for long on SQLite's single write lock.
/// One node of a cluster sweeps: the leading one (<see cref="Leadership"/>).
/// </summary>
public sealed partial class HeartbeatRetention(
    FleetDbContextFactory databases,
    Leadership leadership,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<HeartbeatRetention> logger) : BackgroundService
{
    private const int Chunk = 5000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.WhileLeadingAsync(SweepAsync, stoppingToken);

    private async Task SweepAsync(CancellationToken stoppingToken)
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

    /// <summary>Deletes the hour roll-ups and boot segments wholly before the cutoff; returns how many rows went.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        // Keep this at or above the power horizon (7 × the unstable-power window): boot segments are read at start-up.
        // The same threshold the telemetry API refuses older heartbeats by, so a resend of a deleted one is never accepted
        // again. An hour goes only once all of it is before the cutoff: a heartbeat still accepted (at ≥ cutoff) has
        // its id in its hour's row, and that hour ends after the cutoff.
        var cutoff = EventLimits.HeartbeatCutoff(time.GetUtcNow(), options.Value.HeartbeatHours).ToUnixTimeMilliseconds();
        var hoursBefore = cutoff - (long)TimeSpan.FromHours(1).TotalMilliseconds;
        var total = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var db = databases.CreateDbContext();
            var expired = db.HeartbeatHours.Where(h => h.HourMs <= hoursBefore);
            // The key of the chunk's last row: everything up to it goes in one short range delete on the primary key.
            var last = await expired.OrderBy(h => h.HourMs).ThenBy(h => h.TerminalId)
                .Select(h => new { h.HourMs, h.TerminalId }).Skip(Chunk - 1).FirstOrDefaultAsync(cancellationToken);
            if (last is null)
            {
                total += await expired.ExecuteDeleteAsync(cancellationToken);
                break;
            }
            total += await expired.Where(h => h.HourMs < last.HourMs
                                              || (h.HourMs == last.HourMs && string.Compare(h.TerminalId, last.TerminalId) <= 0))
                .ExecuteDeleteAsync(cancellationToken);
        }
        await using (var db = databases.CreateDbContext())
        {
            total += await db.TerminalBoots.Where(b => b.LastAtMs < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired heartbeat roll-up and boot rows")]
    private partial void LogDeleted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat retention sweep failed; will retry")]
    private partial void LogFailed(Exception exception);
}
