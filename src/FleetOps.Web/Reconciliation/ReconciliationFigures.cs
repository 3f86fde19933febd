using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The reconciliation page's figures, read from the stored reports for one reader's scope (issue 16 items 3–5): per
/// settlement/booking day and acquirer, the exceptions, and the acquirer scorecard. Read from the database on each
/// call — reports change only when an import commits, and the page re-reads then — so every node answers the same.
/// Money is summed by the database; only the sales of the window and the exception lines are read row by row.
/// </summary>
public sealed class ReconciliationFigures(FleetDbContextFactory databases, StoreDirectory stores)
{
    private static readonly string[] ExceptionKinds =
        [MatchKind.AmountMismatch.ToWire(), MatchKind.DuplicateCredit.ToWire(), MatchKind.CreditedWithoutSale.ToWire()];

    public async Task<ReconciliationView> ReadAsync(AccessScope scope, ReconciliationFilter filter, int maxExceptions, CancellationToken cancellationToken)
    {
        var allowed = scope.Everything ? null : stores.All.Where(s => scope.AllowsStore(s.Code, stores)).Select(s => s.Code).ToList();
        await using var db = databases.CreateDbContext();
        var acquirerOf = await db.SettlementReports.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Acquirer, cancellationToken);

        var sales = await db.SaleCredits.AsNoTracking()
            .Where(c => c.SettledOn >= filter.From && c.SettledOn <= filter.Through)
            .Where(c => filter.Acquirer == null || c.Acquirer == filter.Acquirer)
            .Where(c => filter.Store == null || c.StoreCode == filter.Store)
            .Where(c => allowed == null || allowed.Contains(c.StoreCode))
            .ToListAsync(cancellationToken);

        var lines = db.SettlementLines.AsNoTracking()
            .Where(l => l.BookedOn >= filter.From && l.BookedOn <= filter.Through)
            .Where(l => filter.Store == null || l.StoreCode == filter.Store)
            .Where(l => allowed == null || (l.StoreCode != null && allowed.Contains(l.StoreCode)));
        var reportIds = filter.Acquirer is null ? null : acquirerOf.Where(r => r.Value == filter.Acquirer).Select(r => r.Key).ToList();
        if (reportIds is not null) lines = lines.Where(l => reportIds.Contains(l.ReportId));

        var duplicateRow = MatchKind.DuplicateRow.ToWire();
        var money = await lines.Where(l => l.Kind != duplicateRow)
            .GroupBy(l => new { l.ReportId, l.BookedOn, l.Currency, l.Type })
            .Select(g => new { g.Key.ReportId, g.Key.BookedOn, g.Key.Currency, g.Key.Type, Amount = g.Sum(l => l.AmountMinor), Fee = g.Sum(l => l.FeeMinor) })
            .ToListAsync(cancellationToken);
        var saleFees = await lines.Where(l => l.Kind == MatchKind.Credited.ToWire() && l.TransactionId != null)
            .Select(l => new { l.TerminalId, l.TransactionId, l.FeeMinor, l.Currency }).ToListAsync(cancellationToken);
        var exceptionLines = lines.Where(l => ExceptionKinds.Contains(l.Kind));
        var lineCount = await exceptionLines.CountAsync(cancellationToken);
        var newestLines = await exceptionLines.OrderByDescending(l => l.BookedOn).ThenByDescending(l => l.ReportId).ThenBy(l => l.Row)
            .Take(maxExceptions).ToListAsync(cancellationToken);

        var days = Days(sales, money.Select(m => (Acquirer: acquirerOf.GetValueOrDefault(m.ReportId, ""), m.BookedOn, m.Currency, m.Type, m.Amount, m.Fee)));
        var missing = sales.Where(s => s.NotCreditedReportId is not null).ToList();
        var exceptions = missing.Select(s => new ReconciliationException(null, s.Acquirer, s.SettledOn, s.StoreCode, s.TerminalId, s.TransactionId, null))
            .Concat(newestLines.Select(l => Exception(l, acquirerOf.GetValueOrDefault(l.ReportId, ""))))
            .OrderByDescending(e => e.Day).ThenBy(e => e.StoreCode, StringComparer.Ordinal)
            .Take(maxExceptions)
            .ToList();

        // A sale's fee and currency come from its credit lines; a sale never credited has neither (no fee to count).
        var fees = saleFees.GroupBy(f => (f.TerminalId, f.TransactionId)).ToDictionary(g => g.Key, g => (Fee: g.Sum(f => f.FeeMinor), g.First().Currency));
        var scored = sales.Select(s =>
        {
            var (fee, currency) = fees.GetValueOrDefault((s.TerminalId, s.TransactionId), (0, ""));
            return new ScoredSale(s.Acquirer, s.SettledOn, s.CreditedOn, s.Mismatches > 0 || s.Credits > 1, s.NotCreditedReportId is not null, fee, currency);
        });
        var acquirers = stores.All.Where(s => allowed is null || allowed.Contains(s.Code)).Select(s => s.Acquirer).OfType<string>()
            .Where(a => filter.Acquirer is null || a == filter.Acquirer).Distinct(StringComparer.OrdinalIgnoreCase);
        var scorecard = AcquirerScorecard.Compute(scored, acquirers, filter.From, filter.Through);
        return new ReconciliationView(days, exceptions, missing.Count + lineCount, scorecard);
    }

    private static List<ReconciliationDay> Days(List<SaleCreditRow> sales,
        IEnumerable<(string Acquirer, DateOnly BookedOn, string Currency, string Type, long Amount, long Fee)> money)
    {
        var counts = sales.GroupBy(s => (s.SettledOn, s.Acquirer)).ToDictionary(g => g.Key, g => g.ToList());
        var sums = money.GroupBy(m => (m.BookedOn, m.Acquirer)).ToDictionary(g => g.Key, g => g.GroupBy(m => m.Currency).Select(c =>
        {
            var gross = c.Where(m => m.Type == SettlementItemType.Sale.ToWire()).Sum(m => m.Amount);
            var debits = c.Where(m => m.Type != SettlementItemType.Sale.ToWire()).Sum(m => m.Amount);
            var fee = c.Sum(m => m.Fee);
            return new ReconciliationMoney(c.Key, gross, fee, gross - debits - fee);
        }).OrderBy(m => m.Currency, StringComparer.Ordinal).ToList());
        return counts.Keys.Concat(sums.Keys).Distinct()
            .Select(key =>
            {
                var judged = counts.GetValueOrDefault(key) ?? [];
                return new ReconciliationDay(key.Item1, key.Item2, judged.Count, judged.Count(s => s.Credits > 0),
                    judged.Count(s => s.NotCreditedReportId is not null), judged.Count(s => s.Mismatches > 0), sums.GetValueOrDefault(key) ?? []);
            })
            .OrderByDescending(d => d.Day).ThenBy(d => d.Acquirer, StringComparer.Ordinal)
            .ToList();
    }

    private static ReconciliationException Exception(SettlementLineRow l, string acquirer)
    {
        WireNames.TryParse<MatchKind>(l.Kind, out var kind);
        WireNames.TryParse<SettlementItemType>(l.Type, out var type);
        var item = new SettlementItem(l.Row, l.BookedOn, l.MerchantId, l.AcquirerTerminalId, l.Rrn, l.AuthCode, l.AmountMinor, l.Currency, l.MaskedPan, type, l.FeeMinor);
        return new ReconciliationException(kind, acquirer, l.BookedOn, l.StoreCode, l.TerminalId, l.TransactionId, item);
    }
}
