using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Persistence;
using FleetOps.Core.Reconciliation;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using System.Collections.Immutable;
using System.Diagnostics;
using CommunityToolkit.HighPerformance.Buffers;
using FleetOps.Core.Wire;
using FleetOps.Web.Background;

namespace FleetOps.Web.Fleet;

/// <summary>
/// Rebuilds the in-memory fleet from the database at start-up: registrations and latest state from
/// the terminals table, power history from the power events and boot segments seen within the last
/// <see cref="FleetState.PowerHorizon"/>. Runs before the server accepts requests.
/// </summary>
public sealed partial class FleetStateLoader(
    FleetDbContextFactory databases,
    FleetState fleet,
    StoreDirectory stores,
    TerminalKeys keys,
    TransactionBook book,
    NotCreditedBook notCredited,
    TimeProvider time,
    ILogger<FleetStateLoader> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var moved = await LegacyHeartbeatRows.MoveAsync(databases, cancellationToken);
        if (moved > 0) LogLegacyHeartbeats(moved, watch.ElapsedMilliseconds);
        var horizonMs = (time.GetUtcNow() - fleet.PowerHorizon).ToUnixTimeMilliseconds();
        var lostSalesSince = (time.GetUtcNow() - TransactionBook.LostSalesKeptFor).ToUnixTimeMilliseconds();
        // Independent reads, each on its own connection (SQLite's WAL readers do not wait for each other), so the
        // database's work on the power history and the parsing of the open transactions overlap the terminals.
        var power = Task.Run(() => LoadPowerAsync(horizonMs, cancellationToken), cancellationToken);
        var open = Task.Run(() => LoadOpenTransactionsAsync(lostSalesSince, cancellationToken), cancellationToken);
        var uncredited = Task.Run(() => LoadNotCreditedAsync(cancellationToken), cancellationToken);

        await using var db = databases.CreateDbContext();
        var storeRows = await db.Stores.AsNoTracking().ToListAsync(cancellationToken);
        stores.Load(storeRows.Select(s => s.ToInfo()));

        var terminals = new List<(TerminalRegistration Registration, TerminalRow Row, LatestState? Latest)>();
        var keyHashes = new List<(string TerminalId, byte[] Hash)>();
        await foreach (var row in db.Terminals.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            keyHashes.Add((row.TerminalId, row.KeyHash));
            // Store codes, models and versions repeat across the fleet: one pooled copy each instead of one per row.
            terminals.Add((new TerminalRegistration(row.TerminalId, StringPool.Shared.GetOrAdd(row.StoreCode),
                    StringPool.Shared.GetOrAdd(row.Model), row.SerialNumber, row.Decommissioned, row.AcquirerTerminalId),
                row, LatestState.FromJson(row.LatestStateJson)?.Pooled()));
            row.LatestStateJson = null; // parsed: let the text go
        }
        keys.Load(keyHashes);
        var targets = await db.SoftwareTargets.AsNoTracking()
            .Select(t => new SoftwareTarget(t.Model, t.AppVersion, t.FirmwareVersion, t.MinimumAppVersion, t.UpdatedAt))
            .ToListAsync(cancellationToken);
        var listened = await ListeningRecorder.ReadAsync(db, cancellationToken);
        LogStep("terminals", watch.ElapsedMilliseconds);

        var (marks, boots) = await power;
        LogStep("power history", watch.ElapsedMilliseconds);
        var snapshots = new List<TerminalSnapshot>(terminals.Count);
        foreach (var (registration, row, latest) in terminals)
        {
            var history = new PowerHistory(
                marks[row.TerminalId]
                    .Select(m => new PowerMark(m.EventId, FromMs(m.AtMs), WireNames.TryParse(m.Detail, out PowerState s) ? s : PowerState.Restored))
                    .OrderBy(m => m.At).TakeLast(PowerHistory.MaxMarks).ToImmutableArray(),
                boots[row.TerminalId]
                    .Select(b => new BootSegment(b.BootId == latest?.Heartbeat?.BootId ? latest.Heartbeat.BootId : b.BootId,
                        FromMs(b.First), FromMs(b.Last)))
                    .OrderBy(b => b.FirstAt).TakeLast(PowerHistory.MaxBoots).ToImmutableArray());
            snapshots.Add(new TerminalSnapshot(registration)
            {
                LastSeenAt = row.LastSeenAtMs is { } seen ? FromMs(seen) : null,
                LastContactAt = row.LastContactAtMs is { } contact ? FromMs(contact) : null,
                Heartbeat = latest?.Heartbeat,
                PowerSource = latest?.PowerSource,
                BatteryPercent = latest?.BatteryPercent,
                PowerFactsAt = latest?.PowerFactsAt,
                VersionsSince = latest?.VersionsSince ?? latest?.Heartbeat?.At,
                Software = latest?.Software,
                Power = history,
            });
        }
        fleet.Load(snapshots, targets, listened);
        LogStep("fleet", watch.ElapsedMilliseconds);
        // The rule is kept at every change (AcquirerTerminalIdRule); a clash in the data predates it, and only an administrator can say which id is wrong.
        foreach (var clash in AcquirerTerminalIdHolders.Existing(stores, fleet))
        {
            LogAcquirerTerminalIdClash(clash.Acquirer, clash.AcquirerTerminalId, clash.HeldBy, clash.TerminalId);
        }
        if (fleet.Listening is { LastListened: { } last, LastGap: var gap } && gap >= fleet.Options.OfflineAfter) LogGap(last, gap.TotalMinutes);

        // Open transactions (and recent reversals, which may be lost sales) are judged against the power history just loaded.
        // Settled sales the acquirers' reports proved not credited come back too, with the report that proves it.
        var notCreditedSales = await uncredited;
        notCredited.Load(notCreditedSales.Select(s => ((s.Record.TerminalId, s.Record.TransactionId), s.Proof)));
        book.Load(await open, notCreditedSales.Select(s => (s.Record, s.StoreCode)));
        LogStep("open transactions", watch.ElapsedMilliseconds);
        LogLoaded(storeRows.Count, snapshots.Count, targets.Count, book.OpenCount);
    }

    private async Task<(ILookup<string, PowerMarkRow> Marks, ILookup<string, BootRow> Boots)> LoadPowerAsync(
        long horizonMs, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var marks = (await db.Events.AsNoTracking()
                .Where(e => e.Type == "power" && e.AtMs >= horizonMs)
                .Select(e => new PowerMarkRow(e.TerminalId, e.EventId, e.AtMs, e.Detail))
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.TerminalId);
        // One row per boot (TerminalBoots), merged by the writer: no grouping of heartbeats at start-up.
        var boots = (await db.TerminalBoots.AsNoTracking()
                .Where(b => b.LastAtMs >= horizonMs)
                .Select(b => new BootRow(b.TerminalId, b.BootId, b.FirstAtMs, b.LastAtMs))
                .ToListAsync(cancellationToken))
            .ToLookup(b => b.TerminalId);
        return (marks, boots);
    }

    /// <summary>
    /// The open transactions and the reversals of the last <see cref="TransactionBook.LostSalesKeptFor"/>, parsed as they
    /// stream in. Open rows are found by <c>ClosedAtMs IS NULL</c> (set only when a row closes) so that both halves of the
    /// filter are ranges of the <c>ClosedAtMs</c> index; <c>NOT Closed</c> alone can use no index.
    /// </summary>
    private async Task<List<(TransactionRecord Record, string StoreCode)>> LoadOpenTransactionsAsync(
        long lostSalesSince, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var reversed = TransactionStage.Reversed.ToWire();
        var open = new List<(TransactionRecord, string)>();
        var rows = db.Transactions.AsNoTracking()
            .Where(t => (t.ClosedAtMs == null && !t.Closed) || (t.LastStage == reversed && t.ClosedAtMs >= lostSalesSince))
            .Select(t => new { t.RecordJson, t.StoreCode })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (TransactionJson.Deserialize(row.RecordJson) is { } record) open.Add((record, row.StoreCode));
        }
        return open;
    }

    private async Task<List<(TransactionRecord Record, string StoreCode, NotCreditedProof Proof)>> LoadNotCreditedAsync(CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        return await SaleRecords.NotCreditedAsync(db, cancellationToken);
    }

    private sealed record PowerMarkRow(string TerminalId, string EventId, long AtMs, string Detail);

    private sealed record BootRow(string TerminalId, string BootId, long First, long Last);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Rows} heartbeat rows of the old layout into hour roll-ups in {Milliseconds} ms")]
    private partial void LogLegacyHeartbeats(int rows, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "FleetOps was last up at {LastListened:O}, {Minutes:F0} min ago: terminals online then keep the time they had left to report before they count as offline")]
    private partial void LogGap(DateTimeOffset lastListened, double minutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acquirer {Acquirer} knows two terminals in service by the terminal id {AcquirerTerminalId}: "
        + "{Terminal} and {OtherTerminal}. Reconciliation files that id's report lines under one of them; give the other its own acquirer terminal id")]
    private partial void LogAcquirerTerminalIdClash(string acquirer, string acquirerTerminalId, string terminal, string otherTerminal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up step {Step} done after {Milliseconds} ms")]
    private partial void LogStep(string step, long milliseconds);

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fleet state rebuilt: {Stores} stores, {Terminals} terminals, {Targets} software targets, {Open} open transactions")]
    private partial void LogLoaded(int stores, int terminals, int targets, int open);
}
