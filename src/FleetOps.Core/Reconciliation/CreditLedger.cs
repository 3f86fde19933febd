using System.Security.Cryptography;
using System.Text;

namespace FleetOps.Core.Reconciliation;

/// <summary>
/// One acquirer's reconciliation state: its settled sales, indexed the way its reports name them, and what the reports
/// imported so far credited. Reports are matched one at a time through <see cref="Begin"/>; what a report changes comes
/// into the ledger only when it is completed, so that a report the database refused leaves no trace here (the ledger is
/// rebuilt from the stored reports in import order). Not thread-safe: one writer, as the import runs one report at a time.
/// </summary>
public sealed class CreditLedger(string acquirer)
{
    private readonly Dictionary<MatchKey, List<CreditCandidate>> _sales = [];
    private readonly Dictionary<SaleKey, CreditStatus> _status = [];
    private readonly Dictionary<SaleKey, CreditCandidate> _all = [];

    // Per line fingerprint: the most times it occurred in any one completed report. A line that came before counts as a
    // duplicate row only up to that many times, so a report listing the same credit twice still shows the double credit.
    private readonly Dictionary<long, int> _seenLines = [];

    public string Acquirer => acquirer;

    /// <summary>The newest booking day of any completed report: how far the acquirer has told what it credited.</summary>
    public DateOnly? CoveredThrough { get; private set; }

    public int SaleCount => _status.Count;

    /// <summary>Every sale added and not evicted (the import judges them for <c>not_credited</c> after a report).</summary>
    public IReadOnlyCollection<CreditCandidate> Sales => _all.Values;

    /// <summary>Adds a settled sale of one of the acquirer's terminals; false when it was there already (nothing changes).</summary>
    public bool AddSale(CreditCandidate sale)
    {
        if (!_status.TryAdd(SaleKey.Of(sale), default)) return false;
        _all.Add(SaleKey.Of(sale), sale);
        if (!string.IsNullOrEmpty(sale.AcquirerTerminalId)) Index(MatchKey.OfTerminal(sale.AcquirerTerminalId, sale.Rrn), sale);
        if (!string.IsNullOrEmpty(sale.MerchantId)) Index(MatchKey.OfMerchant(sale.MerchantId, sale.Rrn), sale);
        return true;
    }

    /// <summary>Whether the line names a sale in the ledger (same terminal or merchant and RRN, whatever the amount).</summary>
    public bool Names(SettlementItem item) => Candidates(item).Count > 0;

    public CreditStatus StatusOf(SaleKey sale) => _status.GetValueOrDefault(sale);

    /// <summary>
    /// Takes out the sales <paramref name="leaving"/> picks and returns them with their status: an import that walks a report day by day keeps
    /// only the sales a day's credits can still name, so its memory stays a few days of sales however long the report.
    /// </summary>
    public IReadOnlyList<(CreditCandidate Sale, CreditStatus Status)> Evict(Func<CreditCandidate, bool> leaving)
    {
        var evicted = _all.Values.Where(leaving).Select(s => (s, _status[SaleKey.Of(s)])).ToList();
        foreach (var (sale, _) in evicted)
        {
            var key = SaleKey.Of(sale);
            _all.Remove(key);
            _status.Remove(key);
            if (!string.IsNullOrEmpty(sale.AcquirerTerminalId)) Unindex(MatchKey.OfTerminal(sale.AcquirerTerminalId, sale.Rrn), sale);
            if (!string.IsNullOrEmpty(sale.MerchantId)) Unindex(MatchKey.OfMerchant(sale.MerchantId, sale.Rrn), sale);
        }
        return evicted;
    }

    /// <summary>Forgets the restored line fingerprints: a repeated line has the same booking day, so a day walked is done with them.</summary>
    public void ForgetLines() => _seenLines.Clear();

    /// <summary>
    /// Rebuilds what earlier, stored reports said before the next one is matched: a sale's credits (for a sale added
    /// before), a line's most occurrences in one report, and the newest day the reports reached. The import loads only
    /// the days a report covers, so a ledger lives for one import and is rebuilt from the database for the next.
    /// </summary>
    public void Restore(SaleKey sale, CreditStatus status)
    {
        if (_status.ContainsKey(sale)) _status[sale] = status;
    }

    /// <inheritdoc cref="Restore(SaleKey, CreditStatus)"/>
    public void RestoreLine(long fingerprint, int timesInOneReport)
    {
        if (timesInOneReport > _seenLines.GetValueOrDefault(fingerprint)) _seenLines[fingerprint] = timesInOneReport;
    }

    /// <inheritdoc cref="Restore(SaleKey, CreditStatus)"/>
    public void RestoreCoverage(DateOnly coveredThrough)
    {
        if (CoveredThrough is not { } covered || coveredThrough > covered) CoveredThrough = coveredThrough;
    }

    /// <summary>Starts matching one report; nothing changes here until <see cref="ReportMatching.Complete"/>.</summary>
    public ReportMatching Begin() => new(this);

    internal IReadOnlyList<CreditCandidate> Candidates(SettlementItem item)
    {
        if (!string.IsNullOrEmpty(item.AcquirerTerminalId)
            && _sales.TryGetValue(MatchKey.OfTerminal(item.AcquirerTerminalId, item.Rrn), out var byTerminal))
        {
            return byTerminal;
        }
        // The terminal's acquirer id may not be registered in FleetOps: the store's merchant id still names the sale.
        return !string.IsNullOrEmpty(item.MerchantId) && _sales.TryGetValue(MatchKey.OfMerchant(item.MerchantId, item.Rrn), out var byMerchant)
            ? byMerchant
            : [];
    }

    internal int TimesSeen(long fingerprint) => _seenLines.GetValueOrDefault(fingerprint);

    internal void Apply(IReadOnlyDictionary<long, int> lines, IReadOnlyDictionary<SaleKey, CreditStatus> changes, DateOnly? newestDay)
    {
        foreach (var (line, count) in lines)
        {
            if (count > _seenLines.GetValueOrDefault(line)) _seenLines[line] = count;
        }
        foreach (var (sale, status) in changes) _status[sale] = status;
        if (newestDay is { } day && (CoveredThrough is not { } covered || day > covered)) CoveredThrough = day;
    }

    /// <summary>
    /// The line's identity across files: every field the acquirer wrote except its position. 8 bytes of SHA-256 — a
    /// chance of about 1 in 10^7 that two of a million distinct lines collide, against a fraction of the memory.
    /// </summary>
    public static long Fingerprint(SettlementItem item)
    {
        var text = string.Join('\u001f', item.BookedOn.DayNumber, item.MerchantId, item.AcquirerTerminalId, item.Rrn,
            item.AuthCode ?? "", item.AmountMinor, item.Currency, item.MaskedPan ?? "", (int)item.Type, item.FeeMinor);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BitConverter.ToInt64(hash);
    }

    private void Index(MatchKey key, CreditCandidate sale)
    {
        if (!_sales.TryGetValue(key, out var list)) _sales[key] = list = [];
        list.Add(sale);
    }

    private void Unindex(MatchKey key, CreditCandidate sale)
    {
        if (!_sales.TryGetValue(key, out var list)) return;
        list.Remove(sale);
        if (list.Count == 0) _sales.Remove(key);
    }

    private readonly record struct MatchKey(bool ByTerminal, string Id, string Rrn)
    {
        public static MatchKey OfTerminal(string terminal, string rrn) => new(true, terminal, rrn);
        public static MatchKey OfMerchant(string merchant, string rrn) => new(false, merchant, rrn);
    }
}
