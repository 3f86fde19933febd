using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// Removes what an import on SQLite leaves when it does not complete: its report row, still marked importing, and the
/// lines it committed so far (<see cref="SlicedInsert"/>). Nobody reads them meanwhile (the row is filtered out of every
/// query, and with it its lines), but the row holds the file's unique hash and the lines hold space. A failed or
/// cancelled import removes its own at once; a server stopped mid-import leaves them to the next import, which removes
/// every report still importing before it starts (imports run one at a time and SQLite has one node, so any such report
/// is abandoned). Lines go in slices, so the removal holds the write lock no longer than an import's slice does.
/// </summary>
internal static class AbandonedReports
{
    private const int LinesPerDelete = 20_000;

    /// <summary>Removes every report still marked importing, with its lines; returns how many reports.</summary>
    public static async Task<int> RemoveAllAsync(FleetDbContext db, CancellationToken cancellationToken)
    {
        var ids = await db.SettlementReports.IgnoreQueryFilters().Where(r => r.Importing).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var id in ids) await RemoveAsync(db, id, cancellationToken);
        return ids.Count;
    }

    /// <summary>Removes report <paramref name="reportId"/> with its lines if it is still importing (a complete report stays).</summary>
    public static async Task RemoveAsync(FleetDbContext db, long reportId, CancellationToken cancellationToken)
    {
        var reports = db.SettlementReports.IgnoreQueryFilters().Where(r => r.Id == reportId && r.Importing);
        if (!await reports.AnyAsync(cancellationToken)) return;
        while (await db.Database.ExecuteSqlInterpolatedAsync(
                   $"""
                   DELETE FROM "SettlementLines" WHERE "ReportId" = {reportId}
                       AND "Row" IN (SELECT "Row" FROM "SettlementLines" WHERE "ReportId" = {reportId} LIMIT {LinesPerDelete})
                   """, cancellationToken) > 0)
        {
        }
        await reports.ExecuteDeleteAsync(cancellationToken);
    }
}
