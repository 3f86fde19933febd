namespace FleetOps.Core.Reconciliation;

/// <summary>
/// Matches the lines of one report against a <see cref="CreditLedger"/> (PROTOCOL §11): same acquirer terminal (or
/// merchant), RRN and amount; the authorisation code and a booking day within one day of the settlement break ties.
/// Keeps what the report changes to itself until <see cref="Complete"/>; a walk (<see cref="CreditLedger.BeginWalk"/>)
/// changes the ledger's sales at once instead and is never completed.
/// </summary>
public sealed class ReportMatching
{
    private const int NearDays = 1;

    private readonly CreditLedger _ledger;
    private readonly bool _walk;
    // Per line fingerprint, its occurrences in this report so far. A walk counts only the lines an earlier report had
    // (the only ones that can be duplicate rows); the rest are counted for Complete, which brings them into the ledger.
    private readonly Dictionary<long, int> _lines = [];
    private readonly Dictionary<SaleKey, CreditStatus> _changes = [];
    private DateOnly? _newestDay;
    private bool _completed;

    internal ReportMatching(CreditLedger ledger, bool walk) => (_ledger, _walk) = (ledger, walk);

    /// <summary>The newest booking day of the lines matched so far.</summary>
    public DateOnly? NewestDay => _newestDay;

    /// <summary>A sale's status as it stands with this report's changes.</summary>
    public CreditStatus StatusOf(SaleKey sale) => !_walk && _changes.TryGetValue(sale, out var changed) ? changed : _ledger.StatusOf(sale);

    public ItemMatch Match(SettlementItem item)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_newestDay is not { } newest || item.BookedOn > newest) _newestDay = item.BookedOn;
        var fingerprint = CreditLedger.Fingerprint(item);
        var seen = _ledger.TimesSeen(fingerprint);
        if (!_walk || seen > 0)
        {
            var occurrence = _lines[fingerprint] = _lines.GetValueOrDefault(fingerprint) + 1;
            if (occurrence <= seen) return new ItemMatch(item, MatchKind.DuplicateRow, null, fingerprint);
        }

        var candidates = _ledger.Candidates(item);
        if (item.Type != SettlementItemType.Sale)
        {
            // A refund or chargeback takes back (part of) a sale: any amount, the credited sale preferred.
            var sale = Best(candidates, item, preferCredited: true);
            return new ItemMatch(item, sale is null ? MatchKind.DebitWithoutSale : MatchKind.Debit, sale, fingerprint);
        }
        var sameAmount = candidates.Where(c => c.AmountMinor == item.AmountMinor && c.Currency == item.Currency).ToList();
        if (sameAmount.Count > 0)
        {
            var sale = Best(sameAmount, item, preferCredited: false)!;
            var status = StatusOf(sale);
            var kind = status.Credits > 0 ? MatchKind.DuplicateCredit : MatchKind.Credited;
            // The first right credit sets the day and the fee; a duplicate credit changes neither.
            Change(sale, status.Credits > 0
                ? status with { Credits = status.Credits + 1 }
                : status with { Credits = 1, CreditedOn = item.BookedOn, FeeMinor = item.FeeMinor });
            return new ItemMatch(item, kind, sale, fingerprint);
        }
        if (candidates.Count > 0)
        {
            var sale = Best(candidates, item, preferCredited: false)!;
            var status = StatusOf(sale);
            Change(sale, status with { Mismatches = status.Mismatches + 1 });
            return new ItemMatch(item, MatchKind.AmountMismatch, sale, fingerprint);
        }
        return new ItemMatch(item, MatchKind.CreditedWithoutSale, null, fingerprint);
    }

    /// <summary>Lets go of the lines counted so far, once their booking day is done (a repeated line has the same day).</summary>
    public void ForgetLines() => _lines.Clear();

    /// <summary>Brings what this report changed into the ledger. Call it once the report is stored.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_walk) throw new InvalidOperationException("A walk is never completed: its changes are in the ledger already.");
        _completed = true;
        _ledger.Apply(_lines, _changes, _newestDay);
    }

    private CreditStatus StatusOf(CreditCandidate sale) => StatusOf(SaleKey.Of(sale));

    private void Change(CreditCandidate sale, CreditStatus status)
    {
        if (_walk) _ledger.Change(SaleKey.Of(sale), status);
        else _changes[SaleKey.Of(sale)] = status;
    }

    /// <summary>
    /// Ties, in order: a sale not yet credited (or, for a debit, one that was), the same authorisation code, a
    /// booking day within a day of the settlement, the nearer day; then the transaction id, so the answer never
    /// depends on the order sales were loaded in.
    /// </summary>
    private CreditCandidate? Best(IReadOnlyList<CreditCandidate> candidates, SettlementItem item, bool preferCredited)
    {
        if (candidates.Count <= 1) return candidates.Count == 0 ? null : candidates[0]; // the usual case: nothing to sort
        return candidates
            .OrderBy(c => StatusOf(c).Credits > 0 != preferCredited ? 1 : 0)
            .ThenBy(c => SameAuthCode(c, item) ? 0 : 1)
            .ThenBy(c => DaysApart(c, item) <= NearDays ? 0 : 1)
            .ThenBy(c => DaysApart(c, item))
            .ThenBy(c => c.TerminalId, StringComparer.Ordinal)
            .ThenBy(c => c.TransactionId, StringComparer.Ordinal)
            .First();
    }

    private static bool SameAuthCode(CreditCandidate sale, SettlementItem item) =>
        !string.IsNullOrEmpty(item.AuthCode) && string.Equals(sale.AuthCode, item.AuthCode, StringComparison.OrdinalIgnoreCase);

    private static int DaysApart(CreditCandidate sale, SettlementItem item) => Math.Abs(item.BookedOn.DayNumber - sale.SettledOn.DayNumber);
}
