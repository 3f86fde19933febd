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
/// Everything is counted and summed by the database (GROUP BY day, acquirer and the few states a sale can be in), so a
/// period of a million sales costs a few hundred grouped rows; only the newest page of exceptions is read row by row.
/// Sales count every settled sale of the day (<see cref="SettledSales"/>), not only the ones a report has reached.
/// </summary>
public sealed class ReconciliationFigures(FleetDbContextFactory databases, StoreDirectory stores)
{
    private static readonly string[] ExceptionKinds =
        [MatchKind.AmountMismatch.ToWire(), MatchKind.DuplicateCredit.ToWire(), MatchKind.CreditedWithoutSale.ToWire()];

    public async Task<ReconciliationView> ReadAsync(AccessScope scope, ReconciliationFilter filter, int maxExceptions, CancellationToken cancellationToken)
    {
        var visible = stores.All.Where(s => scope.Everything || scope.AllowsStore(s.Code, stores)).ToList();
        var allowed = scope.Everything ? null : visible.Select(s => s.Code).ToList();
        await using var db = databases.CreateDbContext();
        // Every report in one read, the ones still importing too (SQLite): they are left out here and their lines below.
        var reports = await db.SettlementReports.IgnoreQueryFilters().AsNoTracking().Select(r => new { r.Id, r.Acquirer, r.Importing })
            .ToListAsync(cancellationToken);
        var acquirerOf = reports.Where(r => !r.Importing).ToDictionary(r => r.Id, r => r.Acquirer);

        var credits = db.SaleCredits.AsNoTracking()
            .Where(c => c.SettledOn >= filter.From && c.SettledOn <= filter.Through)
            .Where(c => filter.Acquirer == null || c.Acquirer == filter.Acquirer)
            .Where(c => filter.Store == null || c.StoreCode == filter.Store)
            .Where(c => allowed == null || allowed.Contains(c.StoreCode));
        // A sale's fee is its first right credit's, kept with its state (in the sale's currency): no join to the lines.
        var judged = (await credits
            .GroupBy(c => new
            {
                c.SettledOn, c.Acquirer, c.CreditedOn, Wrong = c.Mismatches > 0 || c.Credits > 1, Never = c.NotCreditedReportId != null,
                Credited = c.Credits > 0, Mismatched = c.Mismatches > 0, c.Currency,
            })
            .Select(g => new { g.Key, Count = g.Count(), Fee = g.Sum(c => c.FeeMinor) })
            .ToListAsync(cancellationToken))
            .Select(g => (Group: new SaleGroup(g.Key.SettledOn, g.Key.Acquirer, g.Key.CreditedOn, g.Key.Wrong, g.Key.Never, g.Key.Credited, g.Key.Mismatched),
                g.Count, g.Key.Currency, g.Fee))
            .ToList();
        var settled = await SettledSales.CountAsync(db, visible.Where(s => filter.Store == null || s.Code == filter.Store)
            .Where(s => filter.Acquirer == null || string.Equals(s.Acquirer, filter.Acquirer, StringComparison.OrdinalIgnoreCase)), filter.From, filter.Through, cancellationToken);

        var lines = db.SettlementLines.AsNoTracking()
            .Where(l => l.BookedOn >= filter.From && l.BookedOn <= filter.Through)
            .Where(l => filter.Store == null || l.StoreCode == filter.Store)
            .Where(l => allowed == null || (l.StoreCode != null && allowed.Contains(l.StoreCode)));
        var reportIds = filter.Acquirer is null ? null : acquirerOf.Where(r => r.Value == filter.Acquirer).Select(r => r.Key).ToList();
        if (reportIds is not null) lines = lines.Where(l => reportIds.Contains(l.ReportId));
        // A report still importing (SQLite) has lines committed already. Excluded rather than listing the visible reports:
        // a NOT IN leaves SQLite's choice of index alone.
        var importing = reports.Where(r => r.Importing).Select(r => r.Id).ToList();
        if (importing.Count > 0) lines = lines.Where(l => !importing.Contains(l.ReportId));

        var duplicateRow = MatchKind.DuplicateRow.ToWire();
        var money = await lines.Where(l => l.Kind != duplicateRow)
            .GroupBy(l => new { l.ReportId, l.BookedOn, l.Currency, l.Type })
            .Select(g => new { g.Key.ReportId, g.Key.BookedOn, g.Key.Currency, g.Key.Type, Amount = g.Sum(l => l.AmountMinor), Fee = g.Sum(l => l.FeeMinor) })
            .ToListAsync(cancellationToken);

        var exceptionLines = lines.Where(l => ExceptionKinds.Contains(l.Kind));
        var lineCount = await exceptionLines.CountAsync(cancellationToken);
        var newestLines = await exceptionLines.OrderByDescending(l => l.BookedOn).ThenByDescending(l => l.ReportId).ThenBy(l => l.Row)
            .Take(maxExceptions).ToListAsync(cancellationToken);
        // A sale never credited has no line: what its terminal recorded (the money missing, the references the acquirer's desk
        // traces it by) comes with it, joined by the transaction's key in the same read.
        var missing = await (
                from c in credits.Where(c => c.NotCreditedReportId != null).OrderByDescending(c => c.SettledOn).ThenBy(c => c.StoreCode).Take(maxExceptions)
                join t in db.Transactions on new { c.TerminalId, c.TransactionId } equals new { t.TerminalId, t.TransactionId } into sales
                from t in sales.DefaultIfEmpty()
                select new { Credit = c, Sale = t == null ? null : new UncreditedSale(t.AmountMinor, t.Currency, t.Rrn, t.AuthCode) })
            .ToListAsync(cancellationToken);

        var days = Days(judged, settled, money.Select(m => (Acquirer: acquirerOf.GetValueOrDefault(m.ReportId, ""), m.BookedOn, m.Currency, m.Type, m.Amount, m.Fee)));
        var exceptions = missing.Select(m => new ReconciliationException(null, m.Credit.Acquirer, m.Credit.SettledOn, m.Credit.StoreCode,
                m.Credit.TerminalId, m.Credit.TransactionId, null, m.Sale))
            .Concat(newestLines.Select(l => Exception(l, acquirerOf.GetValueOrDefault(l.ReportId, ""))))
            .OrderByDescending(e => e.Day).ThenBy(e => e.StoreCode, StringComparer.Ordinal)
            .Take(maxExceptions)
            .ToList();

        var scored = judged.Select(j =>
            new ScoredSale(j.Group.Acquirer, j.Group.SettledOn, j.Group.CreditedOn, j.Group.Wrong, j.Group.Never, j.Fee, j.Currency, j.Count));
        var acquirers = visible.Select(s => s.Acquirer).OfType<string>()
            .Where(a => filter.Acquirer is null || a == filter.Acquirer).Distinct(StringComparer.OrdinalIgnoreCase);
        var scorecard = AcquirerScorecard.Compute(scored, acquirers, filter.From, filter.Through);
        var notCredited = judged.Where(j => j.Group.Never).Sum(j => j.Count);
        return new ReconciliationView(days, exceptions, notCredited + lineCount, scorecard);
    }

    private static List<ReconciliationDay> Days(List<(SaleGroup Group, int Count, string Currency, long Fee)> judged, Dictionary<(DateOnly Day, string Acquirer), int> settled,
        IEnumerable<(string Acquirer, DateOnly BookedOn, string Currency, string Type, long Amount, long Fee)> money)
    {
        var counts = judged.GroupBy(j => (j.Group.SettledOn, j.Group.Acquirer)).ToDictionary(g => g.Key, g => g.ToList());
        var sums = money.GroupBy(m => (m.BookedOn, m.Acquirer)).ToDictionary(g => g.Key, g => g.GroupBy(m => m.Currency).Select(c =>
        {
            var gross = c.Where(m => m.Type == SettlementItemType.Sale.ToWire()).Sum(m => m.Amount);
            var debits = c.Where(m => m.Type != SettlementItemType.Sale.ToWire()).Sum(m => m.Amount);
            var fee = c.Sum(m => m.Fee);
            return new ReconciliationMoney(c.Key, gross, fee, gross - debits - fee);
        }).OrderBy(m => m.Currency, StringComparer.Ordinal).ToList());
        return counts.Keys.Concat(sums.Keys).Concat(settled.Keys).Distinct()
            .Select(key =>
            {
                var groups = counts.GetValueOrDefault(key) ?? [];
                var reached = groups.Sum(j => j.Count);
                // The import may judge a sale the count's bounds leave out (a late credit found by its RRN): never fewer sales than judged.
                var sales = Math.Max(reached, settled.GetValueOrDefault(key));
                return new ReconciliationDay(key.Item1, key.Item2, sales, groups.Where(j => j.Group.Credited).Sum(j => j.Count),
                    groups.Where(j => j.Group.Never).Sum(j => j.Count), groups.Where(j => j.Group.Mismatched).Sum(j => j.Count), sales - reached,
                    sums.GetValueOrDefault(key) ?? []);
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

    /// <summary>Sales alike for every figure: settlement day, acquirer, first credit day and the states the page counts.</summary>
    private readonly record struct SaleGroup(DateOnly SettledOn, string Acquirer, DateOnly? CreditedOn, bool Wrong, bool Never, bool Credited, bool Mismatched);
}
