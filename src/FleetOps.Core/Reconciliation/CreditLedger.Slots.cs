namespace FleetOps.Core.Reconciliation;

/// <summary>
/// The ledger's storage: the slot a sale occupies, what packs into it, and the bucket chains of the three indexes that
/// run through the slots' own link fields: adding to them, finding, relinking on growth, freeing (<see cref="CreditLedger"/>
/// says why this shape). Nothing here knows about reports.
/// </summary>
public sealed partial class CreditLedger
{
    private int NewSlot()
    {
        if (_free != None)
        {
            var reused = _free;
            _free = At(reused).NextSale - 1;
            At(reused).NextSale = 0;
            return reused;
        }
        if (_highWater == _chunks.Count * ChunkSize) _chunks.Add(new Slot[ChunkSize]);
        return _highWater++;
    }

    /// <summary>Doubles the three indexes' buckets (one per sale at most, so chains stay short) and relinks every sale.</summary>
    private void Grow()
    {
        var size = _bySale.Length * 2;
        (_bySale, _byTerminal, _byMerchant) = (new int[size], new int[size], new int[size]);
        for (var slot = 0; slot < _highWater; slot++)
        {
            ref var s = ref At(slot);
            if (!s.Used) continue;
            s.NextSale = s.NextByTerminal = s.NextByMerchant = 0;
            Link(_bySale, SaleHash(_terminals[s.Terminal].TerminalId, IdOf(slot)), slot, ref s.NextSale);
            LinkNames(slot);
        }
    }

    /// <summary>Puts the sale into the chains of its (acquirer terminal id, RRN) and (merchant id, RRN) keys, those it has.</summary>
    private void LinkNames(int slot)
    {
        ref var s = ref At(slot);
        var rrnText = TextsOf(slot).Rrn;
        // A sale without an RRN is judged but never named: every report line has one (ReportRowReader).
        if (!HasRrn(s.RrnCode, rrnText)) return;
        var ids = _terminals[s.Terminal];
        if (!string.IsNullOrEmpty(ids.AcquirerTerminalId)) Link(_byTerminal, NameHash(ids.AcquirerTerminalId, s.RrnCode, rrnText), slot, ref s.NextByTerminal);
        if (!string.IsNullOrEmpty(ids.MerchantId)) Link(_byMerchant, NameHash(ids.MerchantId, s.RrnCode, rrnText), slot, ref s.NextByMerchant);
    }

    private void Remove(int slot)
    {
        ref var s = ref At(slot);
        var ids = _terminals[s.Terminal];
        Unlink(_bySale, SaleHash(ids.TerminalId, IdOf(slot)), slot, BySale);
        var rrnText = TextsOf(slot).Rrn;
        if (HasRrn(s.RrnCode, rrnText))
        {
            if (!string.IsNullOrEmpty(ids.AcquirerTerminalId)) Unlink(_byTerminal, NameHash(ids.AcquirerTerminalId, s.RrnCode, rrnText), slot, ByTerminal);
            if (!string.IsNullOrEmpty(ids.MerchantId)) Unlink(_byMerchant, NameHash(ids.MerchantId, s.RrnCode, rrnText), slot, ByMerchant);
        }
        if (s.HasTexts) _texts.Remove(slot);
        s = default;
        s.NextSale = _free + 1;
        _free = slot;
        _count--;
    }

    private int Find(SaleKey sale)
    {
        var id = PackedId.Of(sale.TransactionId);
        return Find(sale.TerminalId, id, SaleHash(sale.TerminalId, id));
    }

    private int Find(string terminalId, PackedId id, int hash)
    {
        for (var slot = _bySale[Bucket(_bySale, hash)] - 1; slot != None; slot = At(slot).NextSale - 1)
        {
            ref var s = ref At(slot);
            // A packed id never equals a text one: its first code is never 0, a text one's always is.
            if (s.IdFirst != id.First || s.IdRest != id.Rest || (id.Text is not null && _texts[slot].TransactionId != id.Text)) continue;
            if (_terminals[s.Terminal].TerminalId == terminalId) return slot;
        }
        return None;
    }

    /// <summary>The first slot of the chain holding (<paramref name="id"/>, RRN) sales that is one of them; None when there is none.</summary>
    private int FirstNamed(string? id, int chain, long rrnCode, string? rrnText)
    {
        if (string.IsNullOrEmpty(id)) return None;
        var buckets = chain == ByTerminal ? _byTerminal : _byMerchant;
        for (var slot = buckets[Bucket(buckets, NameHash(id, rrnCode, rrnText))] - 1; slot != None; slot = Next(slot, chain))
        {
            if (Named(slot, chain, id, rrnCode, rrnText)) return slot;
        }
        return None;
    }

    private bool Named(int slot, int chain, string? id, long rrnCode, string? rrnText)
    {
        ref var s = ref At(slot);
        if (s.Upcoming || s.RrnCode != rrnCode || (s.HasTexts ? _texts[slot].Rrn : null) != rrnText) return false;
        var ids = _terminals[s.Terminal];
        return (chain == ByTerminal ? ids.AcquirerTerminalId : ids.MerchantId) == id;
    }

    private ref Slot At(int slot) => ref _chunks[slot >> ChunkBits][slot & (ChunkSize - 1)];

    private int Next(int slot, int chain) => NextLink(slot, chain) - 1;

    private static void Link(int[] buckets, int hash, int slot, ref int next)
    {
        ref var head = ref buckets[Bucket(buckets, hash)];
        next = head;
        head = slot + 1;
    }

    private void Unlink(int[] buckets, int hash, int slot, int chain)
    {
        ref var link = ref buckets[Bucket(buckets, hash)];
        while (link != 0)
        {
            if (link - 1 == slot)
            {
                link = NextLink(slot, chain);
                return;
            }
            link = ref NextLink(link - 1, chain);
        }
    }

    /// <summary>The slot's link (successor's index + 1, 0 for none) in one of the three chains.</summary>
    private ref int NextLink(int slot, int chain)
    {
        ref var s = ref At(slot);
        if (chain == ByTerminal) return ref s.NextByTerminal;
        if (chain == ByMerchant) return ref s.NextByMerchant;
        return ref s.NextSale;
    }

    private static bool HasRrn(long rrnCode, string? rrnText) => rrnCode != 0 || !string.IsNullOrEmpty(rrnText);

    private static int Bucket(int[] buckets, int hash) => hash & (buckets.Length - 1);

    private static int SaleHash(string terminalId, PackedId id) => HashCode.Combine(terminalId, id.First, id.Rest, id.Text);

    private static int NameHash(string id, long rrnCode, string? rrnText) => HashCode.Combine(id, rrnCode, rrnText);

    /// <summary>A terminal's ids as its sales carry them, stored once for all of them.</summary>
    private readonly record struct TerminalIds(string TerminalId, string? AcquirerTerminalId, string? MerchantId);

    /// <summary>A transaction id as the slots hold it: two <see cref="PackedText"/> codes, or (both 0) its text.</summary>
    private readonly record struct PackedId(long First, long Rest, string? Text)
    {
        public static PackedId Of(string transactionId) =>
            PackedText.TryPackId(transactionId, out var first, out var rest) ? new PackedId(first, rest, null) : new PackedId(0, 0, transactionId);
    }

    /// <summary>A slot's texts that did not pack: its transaction id, RRN and authorisation code (each null when it packed or is absent).</summary>
    private readonly record struct SlotTexts(string? TransactionId, string? Rrn, string? Auth);

    /// <summary>
    /// A sale (free unless <see cref="Used"/>). Its transaction id, RRN and authorisation code are <see cref="PackedText"/>
    /// codes, or (<see cref="HasTexts"/>) texts kept beside the chunks when they do not fit; its terminal and currency are
    /// indexes; the Next fields are its successors in the three indexes' chains (index + 1). No references: the collector
    /// has nothing to scan in a chunk. <see cref="Changed"/>: a walk changed <see cref="Status"/> (<see cref="BeginWalk"/>).
    /// </summary>
    private struct Slot
    {
        public long IdFirst;
        public long IdRest;
        public long RrnCode;
        public long AuthCode;
        public long AmountMinor;
        public CreditStatus Status;
        public int Terminal;
        public DateOnly SettledOn;
        public int NextSale;
        public int NextByTerminal;
        public int NextByMerchant;
        public short Currency;
        public bool Used;
        public bool HasTexts;
        public bool Upcoming;
        public bool Changed;
    }
}
