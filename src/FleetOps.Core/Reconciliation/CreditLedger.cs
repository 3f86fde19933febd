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
    // Issue 16 (a million-line import in ≤ 100 MB): one node per sale, found by its ids, and by (acquirer terminal id,
    // RRN) and (merchant id, RRN) through chains of the nodes that share the key (RRNs repeat across terminals: an RRN is
    // commonly date, hour and the terminal's own trace number, so keying by the RRN alone would chain thousands of
    // terminals' sales). Before, each key held a List and the status and the sale sat in two more dictionaries: ~560
    // bytes a sale, the arrays alone 60 MB of a million-line import's heap (dotnet-gcdump, docs/benchmarks.md).
    private readonly Dictionary<SaleKey, LedgerSale> _sales = [];
    private readonly Dictionary<NameKey, LedgerSale> _byTerminal = [];
    private readonly Dictionary<NameKey, LedgerSale> _byMerchant = [];

    // Per line fingerprint: the most times it occurred in any one completed report. A line that came before counts as a
    // duplicate row only up to that many times, so a report listing the same credit twice still shows the double credit.
    private readonly Dictionary<long, int> _seenLines = [];

    private readonly List<(CreditCandidate Sale, CreditStatus Status)> _evicted = [];

    public string Acquirer => acquirer;

    /// <summary>The newest booking day of any completed report: how far the acquirer has told what it credited.</summary>
    public DateOnly? CoveredThrough { get; private set; }

    public int SaleCount => _sales.Count;

    /// <summary>Adds a settled sale of one of the acquirer's terminals; false when it was there already (nothing changes).</summary>
    public bool AddSale(CreditCandidate sale)
    {
        var node = new LedgerSale(sale);
        if (!_sales.TryAdd(SaleKey.Of(sale), node)) return false;
        // A sale without an RRN is judged but never named: every report line has one (ReportRowReader).
        if (sale.Rrn.Length == 0) return true;
        if (!string.IsNullOrEmpty(sale.AcquirerTerminalId)) Chain(_byTerminal, new NameKey(sale.AcquirerTerminalId, sale.Rrn), node, ByTerminal);
        if (!string.IsNullOrEmpty(sale.MerchantId)) Chain(_byMerchant, new NameKey(sale.MerchantId, sale.Rrn), node, ByMerchant);
        return true;
    }

    /// <summary>Whether the line names a sale in the ledger (same terminal or merchant and RRN, whatever the amount).</summary>
    // A key's chain is never empty (its last sale leaving removes the key), so the keys alone answer, without a list.
    public bool Names(SettlementItem item) =>
        (!string.IsNullOrEmpty(item.AcquirerTerminalId) && _byTerminal.ContainsKey(new NameKey(item.AcquirerTerminalId, item.Rrn)))
        || (!string.IsNullOrEmpty(item.MerchantId) && _byMerchant.ContainsKey(new NameKey(item.MerchantId, item.Rrn)));

    public CreditStatus StatusOf(SaleKey sale) => _sales.TryGetValue(sale, out var node) ? node.Status : default;

    /// <summary>
    /// Takes out the sales <paramref name="leaving"/> picks and returns them with their status: an import that walks a report day by day keeps
    /// only the sales a day's credits can still name, so its memory stays a few days of sales however long the report.
    /// The list is the ledger's own and is refilled by the next call: read it before evicting again.
    /// </summary>
    public IReadOnlyList<(CreditCandidate Sale, CreditStatus Status)> Evict(Func<CreditCandidate, bool> leaving)
    {
        // One list for every eviction: a day's leavers are tens of thousands, so a new list each day was a large-object
        // array (and its smaller copies while it grew) left for the full collections every day (issue 16).
        var evicted = _evicted;
        evicted.Clear();
        foreach (var node in _sales.Values)
        {
            if (leaving(node.Sale)) evicted.Add((node.Sale, node.Status));
        }
        foreach (var (sale, _) in evicted)
        {
            _sales.Remove(SaleKey.Of(sale), out var node);
            if (sale.Rrn.Length == 0) continue;
            if (!string.IsNullOrEmpty(sale.AcquirerTerminalId)) Unchain(_byTerminal, new NameKey(sale.AcquirerTerminalId, sale.Rrn), node!, ByTerminal);
            if (!string.IsNullOrEmpty(sale.MerchantId)) Unchain(_byMerchant, new NameKey(sale.MerchantId, sale.Rrn), node!, ByMerchant);
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
        if (_sales.TryGetValue(sale, out var node)) node.Status = status;
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

    /// <summary>
    /// The sales the line names: those of its acquirer terminal id with its RRN; when there are none (the terminal's
    /// acquirer id may not be registered in FleetOps), those of its merchant id with its RRN. Ids compare exactly.
    /// </summary>
    internal IReadOnlyList<CreditCandidate> Candidates(SettlementItem item)
    {
        if (!string.IsNullOrEmpty(item.AcquirerTerminalId) && _byTerminal.TryGetValue(new NameKey(item.AcquirerTerminalId, item.Rrn), out var byTerminal))
        {
            return Sales(byTerminal, ByTerminal);
        }
        return !string.IsNullOrEmpty(item.MerchantId) && _byMerchant.TryGetValue(new NameKey(item.MerchantId, item.Rrn), out var byMerchant)
            ? Sales(byMerchant, ByMerchant)
            : [];
    }

    internal int TimesSeen(long fingerprint) => _seenLines.GetValueOrDefault(fingerprint);

    internal void Apply(IReadOnlyDictionary<long, int> lines, IReadOnlyDictionary<SaleKey, CreditStatus> changes, DateOnly? newestDay)
    {
        foreach (var (line, count) in lines)
        {
            if (count > _seenLines.GetValueOrDefault(line)) _seenLines[line] = count;
        }
        foreach (var (sale, status) in changes)
        {
            if (_sales.TryGetValue(sale, out var node)) node.Status = status;
        }
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

    private const int ByTerminal = 0;
    private const int ByMerchant = 1;

    private static List<CreditCandidate> Sales(LedgerSale first, int chain)
    {
        var sales = new List<CreditCandidate>(1);
        for (LedgerSale? node = first; node is not null; node = Next(node, chain)) sales.Add(node.Sale);
        return sales;
    }

    private static void Chain(Dictionary<NameKey, LedgerSale> index, NameKey key, LedgerSale node, int chain)
    {
        if (index.TryGetValue(key, out var first)) Next(node, chain) = first;
        index[key] = node;
    }

    private static void Unchain(Dictionary<NameKey, LedgerSale> index, NameKey key, LedgerSale leaving, int chain)
    {
        if (!index.TryGetValue(key, out var first)) return;
        if (ReferenceEquals(first, leaving))
        {
            if (Next(leaving, chain) is { } next) index[key] = next;
            else index.Remove(key);
            return;
        }
        for (var node = first; Next(node, chain) is { } next; node = next)
        {
            if (!ReferenceEquals(next, leaving)) continue;
            Next(node, chain) = Next(leaving, chain);
            return;
        }
    }

    /// <summary>The node's link in the chain of its terminal's or its merchant's key.</summary>
    private static ref LedgerSale? Next(LedgerSale node, int chain)
    {
        if (chain == ByTerminal) return ref node.NextByTerminal;
        return ref node.NextByMerchant;
    }

    /// <summary>How a line names a sale: an acquirer terminal id or a merchant id, with the RRN.</summary>
    private readonly record struct NameKey(string Id, string Rrn);

    /// <summary>A sale in the ledger: its status as the reports so far left it, and the next sales with its two keys.</summary>
    private sealed class LedgerSale(CreditCandidate sale)
    {
        public CreditCandidate Sale { get; } = sale;

        public CreditStatus Status { get; set; }

        // Fields, not properties: Next returns a reference to one of them.
        public LedgerSale? NextByTerminal;
        public LedgerSale? NextByMerchant;
    }
}
