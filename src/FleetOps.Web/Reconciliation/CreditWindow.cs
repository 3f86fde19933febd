using FleetOps.Core.Fleet;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The part of an acquirer's reconciliation state one report needs, loaded from the database when its import starts and
/// let go when it ends (issue 16: a million settled sales are not kept in memory for ever): the settled sales of the
/// acquirer's stores settled from <c>CreditWithinDays</c> + 1 days before the report's first booking day to one day after
/// its last (credits are booked a day or two after settlement; ±1 day breaks ties), plus every sale still
/// <c>not_credited</c> (few: a late credit may come any day); what earlier reports said about them; the fingerprints of
/// earlier lines of the same booking days (a repeated line has the same day); and which days earlier reports covered.
/// </summary>
public sealed class CreditWindow
{
    private readonly HashSet<DateOnly> _coveredDays;

    private CreditWindow(CreditLedger ledger, HashSet<SaleKey> notCredited, HashSet<DateOnly> coveredDays)
    {
        Ledger = ledger;
        NotCredited = notCredited;
        _coveredDays = coveredDays;
    }

    public CreditLedger Ledger { get; }

    /// <summary>The sales of the window the stored reports proved not credited before this one.</summary>
    public IReadOnlySet<SaleKey> NotCredited { get; }

    /// <summary>Adds the days this report covers, once its lines are known.</summary>
    public void Cover(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1)) _coveredDays.Add(day);
    }

    /// <summary>
    /// Whether the reports cover every day from the settlement to <paramref name="creditWithinDays"/> after it: only then
    /// does a missing credit prove anything (a first report of yesterday says nothing of sales credited last week).
    /// </summary>
    public bool CoversCreditDays(DateOnly settledOn, int creditWithinDays)
    {
        for (var day = settledOn; day <= settledOn.AddDays(creditWithinDays); day = day.AddDays(1))
        {
            if (!_coveredDays.Contains(day)) return false;
        }
        return true;
    }

    public static async Task<CreditWindow> LoadAsync(FleetDbContext db, string acquirer, AcquirerIds ids, FleetState fleet,
        DateOnly first, DateOnly last, int creditWithinDays, CancellationToken cancellationToken)
    {
        var from = first.AddDays(-creditWithinDays - 1);
        var through = last.AddDays(1);
        var ledger = new CreditLedger(acquirer);
        var stores = ids.Stores.Keys.ToList();
        var settled = TransactionStage.Settled.ToWire();
        // Authorised up to two days before the window's first day may settle within it; the store-local settlement day decides.
        var fromMs = new DateTimeOffset(from.AddDays(-2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var toMs = new DateTimeOffset(through.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var rows = db.Transactions.AsNoTracking()
            .Where(t => stores.Contains(t.StoreCode) && t.AuthorizedAtMs >= fromMs && t.AuthorizedAtMs < toMs && t.LastStage == settled)
            .Select(t => new { t.StoreCode, t.RecordJson })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (Candidate(row.RecordJson, row.StoreCode, ids, fleet) is { } sale && sale.SettledOn >= from && sale.SettledOn <= through) ledger.AddSale(sale);
        }

        var notCredited = new HashSet<SaleKey>();
        var stillNotCredited = await db.SaleCredits.AsNoTracking()
            .Where(c => c.Acquirer == acquirer && c.NotCreditedReportId != null)
            .Join(db.Transactions.AsNoTracking(), c => new { c.TerminalId, c.TransactionId }, t => new { t.TerminalId, t.TransactionId },
                (c, t) => new { t.StoreCode, t.RecordJson })
            .ToListAsync(cancellationToken);
        foreach (var row in stillNotCredited)
        {
            if (Candidate(row.RecordJson, row.StoreCode, ids, fleet) is not { } sale) continue;
            ledger.AddSale(sale);
            notCredited.Add(SaleKey.Of(sale));
        }

        var credits = db.SaleCredits.AsNoTracking()
            .Where(c => c.Acquirer == acquirer && c.SettledOn >= from && c.SettledOn <= through && c.NotCreditedReportId == null)
            .Select(c => new { c.TerminalId, c.TransactionId, c.Credits, c.Mismatches, c.CreditedOn })
            .AsAsyncEnumerable();
        await foreach (var c in credits.WithCancellation(cancellationToken))
        {
            ledger.Restore(new SaleKey(c.TerminalId, c.TransactionId), new CreditStatus(c.Credits, c.Mismatches, c.CreditedOn));
        }

        var reports = await db.SettlementReports.AsNoTracking()
            .Where(r => r.Acquirer == acquirer && r.FirstBookedOn != null)
            .Select(r => new { r.Id, First = r.FirstBookedOn!.Value, Last = r.LastBookedOn!.Value })
            .ToListAsync(cancellationToken);
        var window = new CreditWindow(ledger, notCredited, []);
        foreach (var report in reports)
        {
            ledger.RestoreCoverage(report.Last);
            // Only the days that matter for this window: a sale's credit days lie within it.
            var start = report.First < from ? from : report.First;
            var end = report.Last > through.AddDays(creditWithinDays) ? through.AddDays(creditWithinDays) : report.Last;
            if (start <= end) window.Cover(start, end);
        }

        var lines = db.SettlementLines.AsNoTracking()
            .Where(l => l.BookedOn >= first && l.BookedOn <= last)
            .Join(db.SettlementReports.Where(r => r.Acquirer == acquirer), l => l.ReportId, r => r.Id, (l, r) => l)
            .GroupBy(l => new { l.ReportId, l.Fingerprint })
            .Select(g => new { g.Key.Fingerprint, Count = g.Count() })
            .AsAsyncEnumerable();
        await foreach (var line in lines.WithCancellation(cancellationToken)) ledger.RestoreLine(line.Fingerprint, line.Count);
        return window;
    }

    private static CreditCandidate? Candidate(string json, string storeCode, AcquirerIds ids, FleetState fleet)
    {
        if (TransactionJson.Deserialize(json) is not { } record || record.At(TransactionStage.Settled) is not { } settledAt) return null;
        var store = ids.Stores.GetValueOrDefault(storeCode);
        var settledOn = DateOnly.FromDateTime(StoreTime.ToZone(settledAt, store?.TimeZone).DateTime);
        // The registration's own strings (one per terminal) and interned currencies instead of one copy per sale: a window
        // holds up to a million sales.
        var registration = fleet.Get(record.TerminalId)?.Registration;
        return new CreditCandidate(registration?.TerminalId ?? record.TerminalId, record.TransactionId, registration?.AcquirerTerminalId,
            store?.MerchantId, record.Rrn ?? "", record.AuthCode, record.AmountMinor, string.Intern(record.Currency), settledOn);
    }
}
