using FleetOps.Core.Fleet;
using FleetOps.Core.Reconciliation;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The part of an acquirer's reconciliation state one report's booking day needs, slid over the report day by day (issue
/// 16: a million lines in constant memory). A credit booked on day D can name a sale settled from D − CreditWithinDays − 1
/// to D + 1 (PROTOCOL §11: credits come a day or two after settlement; ±1 day breaks ties), so <see cref="MoveToAsync"/>
/// loads the sales settled up to D + 1 and evicts those settled before D − CreditWithinDays − 1, which no later line can
/// name: their verdict is final. Sales still <c>not_credited</c> (few: a late credit may come any day) stay for the whole
/// report. Also: what earlier reports said about the loaded sales, the fingerprints of earlier lines of day D (a repeated
/// line has the same day), and which days earlier reports covered. Reads are made on the import's own connection and
/// transaction, so on PostgreSQL they see what a concurrent import of the same acquirer committed before its lock was freed.
/// </summary>
internal sealed class CreditWindow
{
    private readonly FleetDbContext _db;
    private readonly ReportStaging? _staging;
    private readonly string _acquirer;
    private readonly AcquirerIds _ids;
    private readonly FleetState _fleet;
    private readonly int _creditWithinDays;
    private readonly List<string> _stores;
    private readonly Dictionary<string, TimeZoneInfo?> _zones;
    private readonly HashSet<DateOnly> _coveredDays = [];
    private readonly HashSet<SaleKey> _notCredited = [];
    // Sales a line named from outside the walked days (AddNamedSalesAsync): they stay until the walk ends.
    private readonly HashSet<SaleKey> _named = [];
    private static readonly TimeSpan DaylightMargin = TimeSpan.FromHours(2);

    // A sale counts when settled within this many days of its authorisation (the reconciliation figures' bound too:
    // SettledSales), so that reads can follow the (StoreCode, AuthorizedAtMs) index.
    private const int SettledWithinDays = 3;
    private readonly TimeSpan _earliestOffset;
    private readonly TimeSpan _latestOffset;
    private readonly DateOnly _walkedFrom;
    private readonly DateOnly _walkedThrough;
    private DateOnly _loadedThrough;

    // Sales are read ahead of their settlement day (by authorisation time, see LoadSalesAsync) into the ledger as
    // upcoming sales, which no line names until their day is due.
    private long _readAuthorizedToMs;

    private CreditWindow(FleetDbContext db, ReportStaging? staging, string acquirer, AcquirerIds ids, FleetState fleet, DateOnly first, DateOnly last,
        int creditWithinDays)
    {
        _staging = staging;
        _walkedFrom = first.AddDays(-creditWithinDays - 1);
        _walkedThrough = last.AddDays(1);
        (_db, _acquirer, _ids, _fleet, _creditWithinDays) = (db, acquirer, ids, fleet, creditWithinDays);
        _stores = ids.Stores.Keys.ToList();
        _zones = ids.Stores.ToDictionary(s => s.Key, s => StoreTime.Find(s.Value.TimeZone), StringComparer.OrdinalIgnoreCase);
        // A store without a known zone counts its days in UTC (Candidate). Daylight saving moves an offset by at most two
        // hours: the margin keeps the bounds wide enough for every day of the year.
        var offsets = _zones.Values.Select(z => z?.BaseUtcOffset ?? TimeSpan.Zero).DefaultIfEmpty(TimeSpan.Zero).ToList();
        _earliestOffset = offsets.Min() - DaylightMargin;
        _latestOffset = offsets.Max() + DaylightMargin;
        _loadedThrough = EarliestSettlement(first).AddDays(-1);
        _readAuthorizedToMs = UtcMs(_walkedFrom.AddDays(-SettledWithinDays)) - (long)_latestOffset.TotalMilliseconds;
        Ledger = new CreditLedger(acquirer);
    }

    public CreditLedger Ledger { get; }

    /// <summary>The sales the stored reports proved not credited before this one.</summary>
    public IReadOnlySet<SaleKey> NotCredited => _notCredited;

    /// <summary>Adds the days a report covers.</summary>
    public void Cover(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1)) _coveredDays.Add(day);
    }

    /// <summary>
    /// Whether the reports cover every day from the settlement to <see cref="_creditWithinDays"/> after it: only then does
    /// a missing credit prove anything (a first report of yesterday says nothing of sales credited last week).
    /// </summary>
    public bool CoversCreditDays(DateOnly settledOn)
    {
        for (var day = settledOn; day <= settledOn.AddDays(_creditWithinDays); day = day.AddDays(1))
        {
            if (!_coveredDays.Contains(day)) return false;
        }
        return true;
    }

    /// <summary>
    /// Opens the window for a report of booking days <paramref name="first"/>..<paramref name="last"/>: the days earlier
    /// reports and this one cover, and the sales still not credited. No day's sales are loaded yet. On SQLite the import's
    /// <paramref name="staging"/> tables (on <paramref name="db"/>'s connection) hold the RRNs of <see cref="AddNamedSalesAsync"/>.
    /// </summary>
    public static async Task<CreditWindow> OpenAsync(FleetDbContext db, ReportStaging? staging, string acquirer, AcquirerIds ids, FleetState fleet,
        DateOnly first, DateOnly last, int creditWithinDays, CancellationToken cancellationToken)
    {
        var window = new CreditWindow(db, staging, acquirer, ids, fleet, first, last, creditWithinDays);
        var from = window.EarliestSettlement(first);
        var through = last.AddDays(1 + creditWithinDays);
        var reports = await db.SettlementReports.AsNoTracking()
            .Where(r => r.Acquirer == acquirer && r.FirstBookedOn != null)
            .Select(r => new { First = r.FirstBookedOn!.Value, Last = r.LastBookedOn!.Value })
            .ToListAsync(cancellationToken);
        foreach (var report in reports)
        {
            window.Ledger.RestoreCoverage(report.Last);
            // Only the days that matter for this report: its sales' credit days lie within them.
            window.Cover(report.First < from ? from : report.First, report.Last > through ? through : report.Last);
        }
        window.Cover(first, last);

        var stillNotCredited = await db.SaleCredits.AsNoTracking()
            .Where(c => c.Acquirer == acquirer && c.NotCreditedReportId != null)
            .Join(db.Transactions.AsNoTracking(), c => new { c.TerminalId, c.TransactionId }, t => new { t.TerminalId, t.TransactionId },
                (c, t) => new SaleColumns(t.TerminalId, t.TransactionId, t.StoreCode, t.AmountMinor, t.Currency, t.Rrn, t.AuthCode, t.SettledAtMs, t.AuthorizedAtMs))
            .ToListAsync(cancellationToken);
        foreach (var row in stillNotCredited)
        {
            if (window.Candidate(row) is not { } sale) continue;
            window.Ledger.AddSale(sale);
            window._notCredited.Add(SaleKey.Of(sale));
        }
        return window;
    }

    /// <summary>
    /// Prepares booking day <paramref name="day"/> (days in order): brings in the sales settled up to the day after it with what
    /// earlier reports said of them, restores the day's earlier line fingerprints, and evicts into <paramref name="leaving"/> the
    /// sales no line of this day or a later one can name, with what earlier reports said of them (the caller stores their
    /// verdicts).
    /// </summary>
    public async Task MoveToAsync(DateOnly day, List<LeavingSale> leaving, CancellationToken cancellationToken)
    {
        var through = day.AddDays(1);
        if (through > _loadedThrough)
        {
            await LoadSalesAsync(_loadedThrough.AddDays(1), through, cancellationToken);
            _loadedThrough = through;
        }

        Ledger.ForgetLines();
        var lines = await _db.SettlementLines.AsNoTracking()
            .Where(l => l.BookedOn == day)
            .Join(_db.SettlementReports.Where(r => r.Acquirer == _acquirer), l => l.ReportId, r => r.Id, (l, r) => l)
            .GroupBy(l => new { l.ReportId, l.Fingerprint })
            .Select(g => new { g.Key.Fingerprint, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var line in lines) Ledger.RestoreLine(line.Fingerprint, line.Count);

        var earliest = EarliestSettlement(day);
        Ledger.Evict(settledOn => settledOn < earliest, sale => _notCredited.Contains(sale) || _named.Contains(sale), leaving);
    }

    /// <summary>
    /// PROTOCOL §11 bounds no match by date (the booking day only breaks ties), so before a day's lines are matched, the
    /// lines that name no sale in the window get theirs from the database: the settled sales of their stores with their
    /// RRNs (one query a day, only when such lines exist) that the walk never loads — settled before its first window or
    /// after its last day (a late credit of a sale no report proved missing; a booking day before the terminal's
    /// settlement) — with their stored credit states. They stay until the walk ends: a later day's line can name such a sale
    /// again, and had it left in between, it would come back with the stored state from before this report (its first
    /// credit here forgotten, a second one taken for the first) — a sale is judged once per import. A sale the walk loaded
    /// and already judged is not read again: its verdict in this import is not stored yet.
    /// A day of a large report can name tens of thousands of unknown RRNs, and no index leads with the RRN, so every
    /// statement reads all the stores' sales (slices of 1,000 read them 137 times for the benchmark's last day): the RRNs
    /// are given to one statement, on SQLite in a table of the import's connection (no memory however many), on PostgreSQL
    /// as one array parameter (every list is: FleetDbContextFactory).
    /// </summary>
    public async Task AddNamedSalesAsync(IEnumerable<SettlementItem> lines, CancellationToken cancellationToken)
    {
        var stores = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rrns = new HashSet<string>(StringComparer.Ordinal); // PostgreSQL's; SQLite's go into the staging table
        IRowBatch? staged = null; // opened (and the table emptied) at the day's first unknown RRN: most days have none
        try
        {
            foreach (var line in lines)
            {
                if (line.Rrn.Length == 0 || Ledger.Names(line) || _ids.StoreOf(line.MerchantId, line.AcquirerTerminalId) is not { } store) continue;
                stores.Add(store);
                if (_staging is null) rrns.Add(line.Rrn);
                else await (staged ??= await _staging.RrnsAsync(cancellationToken)).AddAsync(cancellationToken, line.Rrn);
            }
            if (staged is not null) await staged.FlushAsync(cancellationToken);
        }
        finally
        {
            staged?.Dispose();
        }
        if (stores.Count == 0) return;
        var rrnList = rrns.ToList();
        var named = _staging is null
            ? _db.Transactions.Where(t => t.Rrn != null && rrnList.Contains(t.Rrn))
            : _db.Transactions.FromSqlRaw(NamedBySqliteRrns);
        var settled = TransactionStage.Settled.ToWire();
        var storeList = stores.ToList();
        var rows = named.AsNoTracking()
            .Where(t => storeList.Contains(t.StoreCode) && t.LastStage == settled)
            .Select(t => new SaleColumns(t.TerminalId, t.TransactionId, t.StoreCode, t.AmountMinor, t.Currency, t.Rrn, t.AuthCode, t.SettledAtMs, t.AuthorizedAtMs))
            .AsAsyncEnumerable();
        var added = new HashSet<SaleKey>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (Candidate(row) is { } sale && (sale.SettledOn < _walkedFrom || sale.SettledOn > _walkedThrough) && Ledger.AddSale(sale))
            {
                var key = SaleKey.Of(sale);
                added.Add(key);
                _named.Add(key);
            }
        }
        if (added.Count == 0) return;
        // Each list is one parameter (FleetDbContextFactory), however many sales the RRNs found.
        var terminals = added.Select(k => k.TerminalId).Distinct().ToList();
        var transactions = added.Select(k => k.TransactionId).Distinct().ToList();
        var credits = await _db.SaleCredits.AsNoTracking()
            .Where(c => terminals.Contains(c.TerminalId) && transactions.Contains(c.TransactionId))
            .Select(c => new { c.TerminalId, c.TransactionId, c.Credits, c.Mismatches, c.CreditedOn, c.FeeMinor })
            .ToListAsync(cancellationToken);
        foreach (var c in credits)
        {
            var key = new SaleKey(c.TerminalId, c.TransactionId);
            if (added.Contains(key)) Ledger.Restore(key, new CreditStatus(c.Credits, c.Mismatches, c.CreditedOn, c.FeeMinor));
        }
    }

    /// <summary>The report is walked: every sale left, to be judged (at most <paramref name="most"/> a call; call until none is left).</summary>
    public List<LeavingSale> EvictAll(List<LeavingSale> leaving, int most) =>
        Ledger.Evict(_ => true, null, leaving, most);

    private DateOnly EarliestSettlement(DateOnly bookedOn) => bookedOn.AddDays(-_creditWithinDays - 1);

    /// <summary>
    /// Brings into the ledger the settled sales of the acquirer's stores whose store-local settlement day is <paramref
    /// name="from"/>..<paramref name="through"/>, with what earlier reports said of them. Sales are read by authorisation
    /// time, each range once (the (StoreCode, AuthorizedAtMs) index serves): up to the last instant a sale settled on
    /// <paramref name="through"/> in any of the stores' zones can have been authorised. A sale read before its settlement
    /// day is due waits in the ledger as an upcoming sale. Issue 16: a read per settlement day bounded by authorisation from three
    /// days before to two after fetched every transaction about six times — 42.9 s of a million-line import.
    /// </summary>
    private async Task LoadSalesAsync(DateOnly from, DateOnly through, CancellationToken cancellationToken)
    {
        var authorizedToMs = UtcMs(through.AddDays(1)) - (long)_earliestOffset.TotalMilliseconds;
        if (authorizedToMs > _readAuthorizedToMs)
        {
            await ReadSalesAsync(_readAuthorizedToMs, authorizedToMs, cancellationToken);
            _readAuthorizedToMs = authorizedToMs;
        }

        // Days before from too: a sale whose clock put its settlement before its authorisation is read late.
        if (Ledger.RevealThrough(through) is not { } firstAdded) return;
        var restoreFrom = firstAdded > from ? from : firstAdded;

        var credits = await _db.SaleCredits.AsNoTracking()
            .Where(c => c.Acquirer == _acquirer && c.SettledOn >= restoreFrom && c.SettledOn <= through && c.NotCreditedReportId == null)
            .Select(c => new { c.TerminalId, c.TransactionId, c.Credits, c.Mismatches, c.CreditedOn, c.FeeMinor })
            .ToListAsync(cancellationToken);
        foreach (var c in credits) Ledger.Restore(new SaleKey(c.TerminalId, c.TransactionId), new CreditStatus(c.Credits, c.Mismatches, c.CreditedOn, c.FeeMinor));
    }

    /// <summary>
    /// Reads the settled sales authorised in [<paramref name="fromMs"/>, <paramref name="toMs"/>) whose settlement day the
    /// walk covers and which settled within <see cref="SettledWithinDays"/> of their authorisation, into the ledger as upcoming sales.
    /// Only the columns the match needs (no JSON), streamed.
    /// </summary>
    private async Task ReadSalesAsync(long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var settled = TransactionStage.Settled.ToWire();
        var settledFromMs = UtcMs(_walkedFrom) - (long)_latestOffset.TotalMilliseconds;
        var stores = _stores;
        var rows = _db.Transactions.AsNoTracking()
            .Where(t => stores.Contains(t.StoreCode) && t.AuthorizedAtMs >= fromMs && t.AuthorizedAtMs < toMs && t.LastStage == settled
                        && t.SettledAtMs >= settledFromMs)
            .Select(t => new SaleColumns(t.TerminalId, t.TransactionId, t.StoreCode, t.AmountMinor, t.Currency, t.Rrn, t.AuthCode, t.SettledAtMs,
                t.AuthorizedAtMs))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (Candidate(row) is not { } sale || sale.SettledOn < _walkedFrom || sale.SettledOn > _walkedThrough) continue;
            if (row.AuthorizedAtMs < UtcMs(sale.SettledOn.AddDays(-SettledWithinDays))) continue;
            Ledger.AddUpcomingSale(sale);
        }
    }

    private CreditCandidate? Candidate(SaleColumns row)
    {
        if (row.SettledAtMs is not { } settledAtMs) return null;
        var zone = _zones.GetValueOrDefault(row.StoreCode);
        var settledAt = DateTimeOffset.FromUnixTimeMilliseconds(settledAtMs);
        var settledOn = DateOnly.FromDateTime((zone is null ? settledAt : TimeZoneInfo.ConvertTime(settledAt, zone)).DateTime);
        // The registration's own strings (one per terminal) and interned currencies instead of one copy per sale.
        var registration = _fleet.Get(row.TerminalId)?.Registration;
        return new CreditCandidate(registration?.TerminalId ?? row.TerminalId, row.TransactionId, registration?.AcquirerTerminalId,
            _ids.Stores.GetValueOrDefault(row.StoreCode)?.MerchantId, row.Rrn ?? "", row.AuthCode, row.AmountMinor, string.Intern(row.Currency), settledOn);
    }

    private const string NamedBySqliteRrns = $"""SELECT * FROM "Transactions" WHERE "Rrn" IN (SELECT "Rrn" FROM {ReportStaging.Rrns})""";

    private static long UtcMs(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private sealed record SaleColumns(string TerminalId, string TransactionId, string StoreCode, long AmountMinor, string Currency, string? Rrn,
        string? AuthCode, long? SettledAtMs, long AuthorizedAtMs);
}
