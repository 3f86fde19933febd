using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Fleet;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Cases;

/// <summary>Assembles <see cref="CaseFile"/>s, within the caller's scope: a transaction of another store is "not found".</summary>
public sealed class CaseFiles(
    TransactionBook book, CaseBook cases, CaseService service, FleetState fleet, StoreDirectory stores, TerminalTimeline timeline,
    FleetDbContextFactory databases)
{
    /// <param name="margin">How far the timeline reaches either side of the sale (default <see cref="CaseFile.Margin"/>, at most <see cref="CaseFile.MaxMargin"/>).</param>
    public async Task<CaseFile?> LoadAsync(string terminalId, string transactionId, AccessScope scope, TimeSpan? margin = null,
        CancellationToken cancellationToken = default)
    {
        var (record, storeCode, verdict) = await FindAsync(terminalId, transactionId, cancellationToken);
        if (record is null || storeCode is null || !scope.AllowsStore(storeCode, stores)) return null;
        var recoveryCase = cases.For(terminalId, transactionId);
        var trail = recoveryCase is null ? [] : await service.TrailAsync(recoveryCase.Id, cancellationToken);
        return new CaseFile(record, storeCode, stores.Get(storeCode), verdict, recoveryCase, trail,
            await TimelineAsync(record, Clamp(margin ?? CaseFile.Margin), cancellationToken));
    }

    private async Task<(TransactionRecord?, string?, UnsettledVerdict?)> FindAsync(string terminalId, string transactionId,
        CancellationToken cancellationToken)
    {
        if (book.Get(terminalId, transactionId) is { } tracked)
        {
            return (tracked.Record, tracked.StoreCode, tracked.Verdict.IsUnsettled ? tracked.Verdict : null);
        }
        await using var db = databases.CreateDbContext();
        var row = await db.Transactions.AsNoTracking()
            .Where(t => t.TerminalId == terminalId && t.TransactionId == transactionId)
            .Select(t => new { t.RecordJson, t.StoreCode })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? (null, null, null) : (TransactionJson.Deserialize(row.RecordJson), row.StoreCode, null);
    }

    private static TimeSpan Clamp(TimeSpan margin) =>
        margin < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : margin > CaseFile.MaxMargin ? CaseFile.MaxMargin : margin;

    /// <summary>
    /// Power and transaction events from <paramref name="margin"/> before the authorisation to the margin after the sale's
    /// last stage, plus the restarts the heartbeats reveal, marked as power losses when nothing announced them.
    /// </summary>
    private async Task<IReadOnlyList<CaseTimelineLine>> TimelineAsync(TransactionRecord record, TimeSpan margin, CancellationToken cancellationToken)
    {
        var from = record.AuthorizedAt - margin;
        var to = record.Stages.Max(s => s.At) + margin;
        var events = await timeline.BetweenAsync(record.TerminalId, from, to, cancellationToken: cancellationToken);
        var lines = events.Select(e => Line(e, record)).ToList();

        var power = fleet.Get(record.TerminalId)?.Power;
        if (power is not null)
        {
            var losses = power.Losses().ToHashSet();
            foreach (var boot in power.Boots.Skip(1).Where(b => b.FirstAt >= from && b.FirstAt <= to))
            {
                var unexpected = losses.Contains(boot.FirstAt);
                lines.Add(new CaseTimelineLine(boot.FirstAt, null, boot.BootId, false, unexpected));
            }
        }
        return lines.OrderBy(l => l.At).ToList();
    }

    private static CaseTimelineLine Line(TimelineEntry e, TransactionRecord record) =>
        new(e.At, e, null, e.Event is TransactionEvent t && t.TransactionId == record.TransactionId, e.Event is PowerEvent { IsLoss: true });
}
