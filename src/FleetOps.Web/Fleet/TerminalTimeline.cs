using FleetOps.Core.Telemetry;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Fleet;

/// <summary>A terminal's recent power and transaction events, newest first (heartbeats are left out: they say "alive", not "what happened").</summary>
public sealed class TerminalTimeline(FleetDbContextFactory databases)
{
    public async Task<IReadOnlyList<TimelineEntry>> RecentAsync(string terminalId, int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.TerminalId == terminalId && e.Type != "heartbeat")
            .OrderByDescending(e => e.AtMs).ThenByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(ToEntry).ToList();
    }

    /// <summary>The terminal's power and transaction events between two moments (by the terminal's clock), oldest first.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> BetweenAsync(string terminalId, DateTimeOffset from, DateTimeOffset to, int limit = 200,
        CancellationToken cancellationToken = default)
    {
        var (fromMs, toMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        await using var db = databases.CreateDbContext();
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.TerminalId == terminalId && e.Type != "heartbeat" && e.AtMs >= fromMs && e.AtMs <= toMs)
            .OrderBy(e => e.AtMs).ThenBy(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.Select(ToEntry).ToList();
    }

    private static TimelineEntry ToEntry(TelemetryEventRow r) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(r.AtMs),
        DateTimeOffset.FromUnixTimeMilliseconds(r.ReceivedAtMs),
        WireNames.TryParse(r.Type, out EventType type) ? type : EventType.Power,
        r.Detail,
        TelemetryJson.Deserialize(r.Type, r.Payload));
}
