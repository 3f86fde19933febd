using System.Security.Cryptography;
using System.Text;

namespace FleetOps.Core.Reconciliation;

/// <summary>
/// One acquirer's reconciliation state: its settled sales, indexed the way its reports name them, and what the reports
/// imported so far credited. Reports are matched one at a time through <see cref="Begin"/>; what a report changes comes
/// into the ledger only when it is completed, so that a report the database refused leaves no trace here (the ledger is
/// rebuilt from the stored reports in import order). Not thread-safe: one writer, as the import runs one report at a time.
/// </summary>
public sealed partial class CreditLedger(string acquirer)
{
    // Issue 16 (a million-line import in ≤ 100 MB): the sales are structs in chunks of slots that are reused as sales
    // leave, found through three hash indexes whose chains run through the slots themselves — by FleetOps' ids, by
    // (acquirer terminal id, RRN) and by (merchant id, RRN) (RRNs repeat across terminals: an RRN is commonly date, hour
    // and the terminal's own trace number). A terminal's ids and a currency are stored once; a transaction id, an RRN and
    // an authorisation code are numbers when they fit (PackedText), and the few that do not are kept by slot beside the
    // chunks. 96 bytes a sale and no object (so the collector never scans a chunk), against ~400 bytes in five objects
    // and three dictionaries at first — which were also the old generation's garbage every day of the walk — and 104
    // bytes and the transaction id's string (~56 bytes) until the ids were packed.
    private const int FirstCapacity = 1024;

    // Slots come in chunks that are never copied or dropped: a doubling array left its old copies as large-object
    // garbage and up to half of itself unused (25 MB for ~170,000 sales, dotnet-gcdump).
    private const int ChunkBits = 13;
    private const int ChunkSize = 1 << ChunkBits; // 8,192 slots, 786 KB
    private readonly List<Slot[]> _chunks = [];
    private int _highWater; // slots ever used; the free ones among them are chained from _free
    private int _free = None;
    private int _count;
    private int _upcoming;
    private int[] _bySale = new int[FirstCapacity];
    private int[] _byTerminal = new int[FirstCapacity];
    private int[] _byMerchant = new int[FirstCapacity];

    private readonly List<TerminalIds> _terminals = [];
    private readonly Dictionary<TerminalIds, int> _terminalIndex = [];
    private readonly List<string> _currencies = [];
    private readonly Dictionary<string, short> _currencyIndex = new(StringComparer.Ordinal);

    // The texts that did not pack, by slot (Slot.HasTexts): rare — an id longer than 20 symbols, an RRN with letters.
    private readonly Dictionary<int, SlotTexts> _texts = [];

    // Per line fingerprint: the most times it occurred in any one completed report. A line that came before counts as a
    // duplicate row only up to that many times, so a report listing the same credit twice still shows the double credit.
    private readonly Dictionary<long, int> _seenLines = [];

    // Slot links are the slot's index + 1 so that a new (zeroed) array and bucket mean "none".
    private const int None = -1;

    public string Acquirer => acquirer;

    /// <summary>The newest booking day of any completed report: how far the acquirer has told what it credited.</summary>
    public DateOnly? CoveredThrough { get; private set; }

    public int SaleCount => _count;

    /// <summary>Adds a settled sale of one of the acquirer's terminals; false when it was there already (nothing changes).</summary>
    public bool AddSale(CreditCandidate sale) => Add(sale, upcoming: false);

    /// <summary>
    /// Adds a sale read ahead of its settlement day: held here (the window's memory for it is its slot, not an object
    /// waiting in a list until its day — issue 16), but no line names it and no eviction takes it until
    /// <see cref="RevealThrough"/> reaches its day. False when it was there already (nothing changes).
    /// </summary>
    public bool AddUpcomingSale(CreditCandidate sale) => Add(sale, upcoming: true);

    /// <summary>
    /// Lets lines name the upcoming sales settled on or before <paramref name="day"/>; returns the earliest settlement
    /// day among them, null when there were none (the caller restores their earlier credits from that day on).
    /// </summary>
    public DateOnly? RevealThrough(DateOnly day)
    {
        DateOnly? earliest = null;
        for (var slot = 0; slot < _highWater && _upcoming > 0; slot++)
        {
            ref var s = ref At(slot);
            if (!s.Upcoming || s.SettledOn > day) continue;
            s.Upcoming = false;
            _upcoming--;
            if (earliest is not { } e || s.SettledOn < e) earliest = s.SettledOn;
        }
        return earliest;
    }

    private bool Add(CreditCandidate sale, bool upcoming)
    {
        var id = PackedId.Of(sale.TransactionId);
        var saleHash = SaleHash(sale.TerminalId, id);
        if (Find(sale.TerminalId, id, saleHash) != None) return false;
        if (_count == _bySale.Length) Grow();
        var slot = NewSlot();
        var terminal = TerminalOf(sale);
        var currency = CurrencyOf(sale.Currency);
        var (rrnCode, rrnText) = Rrn(sale.Rrn);
        var (authCode, authText) = sale.AuthCode is { } auth && PackedText.TryPackAlphanumeric(auth, out var code) ? (code, (string?)null) : (0L, sale.AuthCode);
        var texts = new SlotTexts(id.Text, rrnText, authText);
        if (texts != default) _texts[slot] = texts;
        ref var s = ref At(slot);
        s.Used = true;
        s.HasTexts = texts != default;
        s.Terminal = terminal;
        (s.IdFirst, s.IdRest) = (id.First, id.Rest);
        s.RrnCode = rrnCode;
        s.AuthCode = authCode;
        s.AmountMinor = sale.AmountMinor;
        s.Currency = currency;
        s.SettledOn = sale.SettledOn;
        s.Status = default;
        s.Changed = false;
        s.Upcoming = upcoming;
        if (upcoming) _upcoming++;
        _count++;
        Link(_bySale, saleHash, slot, ref s.NextSale);
        LinkNames(slot);
        return true;
    }

    /// <summary>Whether the line names a sale in the ledger (same terminal or merchant and RRN, whatever the amount).</summary>
    public bool Names(SettlementItem item)
    {
        var (code, text) = Rrn(item.Rrn);
        return FirstNamed(item.AcquirerTerminalId, ByTerminal, code, text) != None || FirstNamed(item.MerchantId, ByMerchant, code, text) != None;
    }

    public CreditStatus StatusOf(SaleKey sale)
    {
        var slot = Find(sale);
        return slot == None ? default : At(slot).Status;
    }

    /// <summary>
    /// Takes out the sales whose settlement day <paramref name="dayLeaves"/> and that <paramref name="stays"/> (by their
    /// ids; none when null) does not keep, and adds them with their status, and whether a walk changed it, to
    /// <paramref name="into"/> (a new list when none is given), which it returns: an import that walks a report
    /// day by day keeps only the sales a day's credits can still name, so its memory stays a few days of sales however
    /// long the report. An import passes one list for every day and clears it once it has judged them, so the leaving
    /// sales die young (issue 16: kept until the next day, ~25,000 a day reached the old generation as garbage). At most
    /// <paramref name="most"/> sales leave per call: the last eviction of an import takes the whole window in slices, so
    /// that the list stays the size of a day's.
    /// </summary>
    public List<LeavingSale> Evict(Func<DateOnly, bool> dayLeaves, Func<SaleKey, bool>? stays = null, List<LeavingSale>? into = null,
        int most = int.MaxValue)
    {
        into ??= [];
        var taken = 0;
        for (var slot = 0; slot < _highWater && taken < most; slot++)
        {
            ref var s = ref At(slot);
            // The day first: the key is made (its id unpacked) only for a sale whose day leaves.
            if (!s.Used || s.Upcoming || !dayLeaves(s.SettledOn)) continue;
            if (stays is not null && stays(new SaleKey(_terminals[s.Terminal].TerminalId, TransactionIdOf(slot)))) continue;
            into.Add(new LeavingSale(Candidate(slot, rrn: null), s.Status, s.Changed));
            Remove(slot);
            taken++;
        }
        return into;
    }

    /// <summary>Forgets the restored line fingerprints: a repeated line has the same booking day, so a day walked is done with them.</summary>
    public void ForgetLines() => _seenLines.Clear();

    /// <summary>
    /// Rebuilds what earlier, stored reports said before the next one is matched: a sale's credits (for a sale added
    /// before), a line's most occurrences in one report, and the newest day the reports reached. The import loads only
    /// the days a report covers, so a ledger lives for one import and is rebuilt from the database for the next.
    /// </summary>
    /// <remarks>
    /// A sale this walk has changed keeps its state: it started from the stored one and holds this report's lines on top.
    /// The import restores a range of settlement days again when a sale read late (its clock put its settlement before
    /// its authorisation) reaches back into days already walked, and a credit given on such a day was lost.
    /// </remarks>
    public void Restore(SaleKey sale, CreditStatus status)
    {
        var slot = Find(sale);
        if (slot != None && !At(slot).Changed) At(slot).Status = status;
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
    public ReportMatching Begin() => new(this, walk: false);

    /// <summary>
    /// Starts matching one report that an import walks day by day and stores as it goes (issue 16): each change is made
    /// in the sale's slot at once and marked, and leaves with the sale (<see cref="Evict"/>) — no dictionary of pending
    /// changes (7.5 MB of large objects, and their garbage, at a million lines). The matching is never completed: the
    /// ledger lives for this one import, and a report the database refused is simply not stored.
    /// </summary>
    public ReportMatching BeginWalk() => new(this, walk: true);

    /// <summary>
    /// The sales the line names: those of its acquirer terminal id with its RRN; when there are none (the terminal's
    /// acquirer id may not be registered in FleetOps), those of its merchant id with its RRN. Ids compare exactly.
    /// </summary>
    internal IReadOnlyList<CreditCandidate> Candidates(SettlementItem item)
    {
        var (code, text) = Rrn(item.Rrn);
        var chain = ByTerminal;
        var first = FirstNamed(item.AcquirerTerminalId, ByTerminal, code, text);
        if (first == None)
        {
            chain = ByMerchant;
            first = FirstNamed(item.MerchantId, ByMerchant, code, text);
            if (first == None) return [];
        }
        var id = chain == ByTerminal ? item.AcquirerTerminalId : item.MerchantId;
        var sales = new List<CreditCandidate>(1);
        for (var slot = first; slot != None; slot = Next(slot, chain))
        {
            if (Named(slot, chain, id, code, text)) sales.Add(Candidate(slot, item.Rrn));
        }
        return sales;
    }

    internal int TimesSeen(long fingerprint) => _seenLines.GetValueOrDefault(fingerprint);

    /// <summary>A walk's change of a sale's status, made in its slot (the sale is in the ledger: only its sales are matched).</summary>
    internal void Change(SaleKey sale, CreditStatus status)
    {
        var slot = Find(sale);
        if (slot == None) throw new InvalidOperationException("Only a sale of the ledger can change.");
        ref var s = ref At(slot);
        s.Status = status;
        s.Changed = true;
    }

    internal void Apply(IReadOnlyDictionary<long, int> lines, IReadOnlyDictionary<SaleKey, CreditStatus> changes, DateOnly? newestDay)
    {
        foreach (var (line, count) in lines)
        {
            if (count > _seenLines.GetValueOrDefault(line)) _seenLines[line] = count;
        }
        foreach (var (sale, status) in changes) Restore(sale, status);
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
    private const int BySale = 2;

    /// <summary>The sale in <paramref name="slot"/> as an object; its RRN is <paramref name="rrn"/> when the caller has its text.</summary>
    private CreditCandidate Candidate(int slot, string? rrn)
    {
        ref var s = ref At(slot);
        var ids = _terminals[s.Terminal];
        var texts = TextsOf(slot);
        rrn ??= texts.Rrn ?? PackedText.UnpackDigits(s.RrnCode);
        var auth = texts.Auth ?? (s.AuthCode == 0 ? null : PackedText.UnpackAlphanumeric(s.AuthCode));
        return new CreditCandidate(ids.TerminalId, TransactionIdOf(slot), ids.AcquirerTerminalId, ids.MerchantId, rrn, auth, s.AmountMinor,
            _currencies[s.Currency], s.SettledOn);
    }

    private SlotTexts TextsOf(int slot) => At(slot).HasTexts ? _texts[slot] : default;

    private string TransactionIdOf(int slot)
    {
        ref var s = ref At(slot);
        return s.IdFirst != 0 ? PackedText.UnpackId(s.IdFirst, s.IdRest) : _texts[slot].TransactionId!;
    }

    private PackedId IdOf(int slot)
    {
        ref var s = ref At(slot);
        return new PackedId(s.IdFirst, s.IdRest, s.IdFirst == 0 ? _texts[slot].TransactionId : null);
    }

    private short CurrencyOf(string currency)
    {
        if (_currencyIndex.TryGetValue(currency, out var index)) return index;
        if (_currencies.Count == short.MaxValue) throw new InvalidOperationException("Too many currencies for one ledger.");
        _currencies.Add(currency);
        return _currencyIndex[currency] = (short)(_currencies.Count - 1);
    }

    private static (long Code, string? Text) Rrn(string rrn) => PackedText.TryPackDigits(rrn, out var code) ? (code, (string?)null) : (0L, rrn);

    private int TerminalOf(CreditCandidate sale)
    {
        var ids = new TerminalIds(sale.TerminalId, sale.AcquirerTerminalId, sale.MerchantId);
        if (_terminalIndex.TryGetValue(ids, out var index)) return index;
        _terminals.Add(ids);
        return _terminalIndex[ids] = _terminals.Count - 1;
    }
}
