using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using System.Collections.Immutable;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Fleet;

/// <summary>
/// Rebuilds the in-memory fleet from the database at start-up: registrations and latest state from
/// the terminals table, power history from the power events and heartbeat boot ids of the last
/// <see cref="FleetState.PowerHorizon"/>. Runs before the server accepts requests.
/// </summary>
public sealed partial class FleetStateLoader(
    FleetDbContextFactory databases,
    FleetState fleet,
    StoreDirectory stores,
    TerminalKeys keys,
    TransactionBook book,
    TimeProvider time,
    ILogger<FleetStateLoader> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var storeRows = await db.Stores.AsNoTracking().ToListAsync(cancellationToken);
        stores.Load(storeRows.Select(s => new StoreInfo(s.Code, s.Name, s.Region, s.TimeZone)));

        var horizonMs = (time.GetUtcNow() - fleet.PowerHorizon).ToUnixTimeMilliseconds();
        var marks = (await db.Events.AsNoTracking()
                .Where(e => e.Type == "power" && e.AtMs >= horizonMs)
                .Select(e => new { e.TerminalId, e.EventId, e.AtMs, e.Detail })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.TerminalId);
        var boots = (await db.Events.AsNoTracking()
                .Where(e => e.Type == "heartbeat" && e.AtMs >= horizonMs)
                .GroupBy(e => new { e.TerminalId, e.Detail })
                .Select(g => new { g.Key.TerminalId, BootId = g.Key.Detail, First = g.Min(e => e.AtMs), Last = g.Max(e => e.AtMs) })
                .ToListAsync(cancellationToken))
            .ToLookup(b => b.TerminalId);

        var snapshots = new List<TerminalSnapshot>();
        keys.Clear();
        await foreach (var row in db.Terminals.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            keys.Set(row.TerminalId, row.KeyHash);
            var latest = LatestState.FromJson(row.LatestStateJson);
            var history = new PowerHistory(
                marks[row.TerminalId]
                    .Select(m => new PowerMark(m.EventId, FromMs(m.AtMs), WireNames.TryParse(m.Detail, out PowerState s) ? s : PowerState.Restored))
                    .OrderBy(m => m.At).TakeLast(PowerHistory.MaxMarks).ToImmutableArray(),
                boots[row.TerminalId]
                    .Select(b => new BootSegment(b.BootId, FromMs(b.First), FromMs(b.Last)))
                    .OrderBy(b => b.FirstAt).TakeLast(PowerHistory.MaxBoots).ToImmutableArray());
            snapshots.Add(new TerminalSnapshot(new TerminalRegistration(row.TerminalId, row.StoreCode, row.Model, row.SerialNumber, row.Decommissioned))
            {
                LastSeenAt = row.LastSeenAtMs is { } seen ? FromMs(seen) : null,
                LastContactAt = row.LastContactAtMs is { } contact ? FromMs(contact) : null,
                Heartbeat = latest?.Heartbeat,
                PowerSource = latest?.PowerSource,
                BatteryPercent = latest?.BatteryPercent,
                PowerFactsAt = latest?.PowerFactsAt,
                Power = history,
            });
        }
        var targets = await db.SoftwareTargets.AsNoTracking()
            .Select(t => new SoftwareTarget(t.Model, t.AppVersion, t.FirmwareVersion, t.MinimumAppVersion))
            .ToListAsync(cancellationToken);
        fleet.Load(snapshots, targets);

        // Open transactions (and recent reversals, which may be lost sales) are judged against the power history just loaded.
        var lostSalesSince = (time.GetUtcNow() - TransactionBook.LostSalesKeptFor).ToUnixTimeMilliseconds();
        var transactionRows = await db.Transactions.AsNoTracking()
            .Where(t => !t.Closed || (t.LastStage == "reversed" && t.ClosedAtMs >= lostSalesSince))
            .Select(t => new { t.RecordJson, t.StoreCode })
            .ToListAsync(cancellationToken);
        book.Load(transactionRows
            .Select(t => (Record: TransactionJson.Deserialize(t.RecordJson), t.StoreCode))
            .Where(t => t.Record is not null)
            .Select(t => (t.Record!, t.StoreCode)));
        LogLoaded(storeRows.Count, snapshots.Count, targets.Count, book.OpenCount);
    }

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fleet state rebuilt: {Stores} stores, {Terminals} terminals, {Targets} software targets, {Open} open transactions")]
    private partial void LogLoaded(int stores, int terminals, int targets, int open);
}
