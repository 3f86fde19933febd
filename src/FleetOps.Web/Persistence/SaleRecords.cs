using FleetOps.Core.Transactions;
using FleetOps.Core.Reconciliation;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Persistence;

/// <summary>
/// Reads transaction records back from <c>Transactions</c>: the sales a report proved not credited (after an import), and
/// every sale still not credited (at start-up, with the report that proves it), so the book is rebuilt from the database.
/// </summary>
public static class SaleRecords
{
    private const int KeysPerQuery = 500;

    public static async Task<List<(TransactionRecord Record, string StoreCode)>> ReadAsync(FleetDbContext db,
        IReadOnlyList<(string TerminalId, string TransactionId)> sales, CancellationToken cancellationToken)
    {
        var found = new List<(TransactionRecord, string)>(sales.Count);
        foreach (var chunk in sales.Chunk(KeysPerQuery))
        {
            // Narrowed by both key columns (EF cannot match pairs); the exact pairs are picked below.
            var wanted = chunk.ToHashSet();
            var terminals = chunk.Select(s => s.TerminalId).Distinct().ToList();
            var ids = chunk.Select(s => s.TransactionId).Distinct().ToList();
            var rows = await db.Transactions.AsNoTracking()
                .Where(t => terminals.Contains(t.TerminalId) && ids.Contains(t.TransactionId))
                .Select(t => new { t.TerminalId, t.TransactionId, t.StoreCode, t.RecordJson })
                .ToListAsync(cancellationToken);
            foreach (var row in rows.Where(r => wanted.Contains((r.TerminalId, r.TransactionId))))
            {
                if (TransactionJson.Deserialize(row.RecordJson) is { } record) found.Add((record, row.StoreCode));
            }
        }
        return found;
    }

    /// <summary>Start-up: the sales still not credited, each with its record, its store and the report that proves it.</summary>
    public static async Task<List<(TransactionRecord Record, string StoreCode, NotCreditedProof Proof)>> NotCreditedAsync(FleetDbContext db,
        CancellationToken cancellationToken)
    {
        var rows = await db.SaleCredits.AsNoTracking()
            .Where(c => c.NotCreditedReportId != null)
            .Join(db.Transactions.AsNoTracking(), c => new { c.TerminalId, c.TransactionId }, t => new { t.TerminalId, t.TransactionId },
                (c, t) => new { c.NotCreditedReportId, c.SettledOn, t.StoreCode, t.RecordJson })
            .Join(db.SettlementReports.AsNoTracking(), x => x.NotCreditedReportId, r => r.Id,
                (x, r) => new { x.SettledOn, x.StoreCode, x.RecordJson, r.Id, r.FileName, r.Acquirer, r.FirstBookedOn, r.LastBookedOn })
            .ToListAsync(cancellationToken);
        var found = new List<(TransactionRecord, string, NotCreditedProof)>(rows.Count);
        foreach (var row in rows)
        {
            if (TransactionJson.Deserialize(row.RecordJson) is not { } record) continue;
            found.Add((record, row.StoreCode, new NotCreditedProof(row.Id, row.FileName, row.Acquirer, row.FirstBookedOn ?? row.SettledOn, row.LastBookedOn ?? row.SettledOn, row.SettledOn)));
        }
        return found;
    }
}
