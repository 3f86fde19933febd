namespace FleetOps.Core.Transactions;

/// <summary>
/// Running totals of the book's unsettled transactions, kept by <see cref="TransactionBook"/> under its lock as verdicts
/// change: per store, currency and reason; per terminal for unsettled batches; and the authorisation times of the
/// incomplete (operator-caused) ones. With 100,000 open sales a page walk of the book costs tens of milliseconds per pass;
/// these totals are read in time proportional to stores and terminals (docs/benchmarks.md).
/// </summary>
internal sealed class UnsettledTally
{
    private readonly Dictionary<(string Store, string Currency, UnsettledReason Reason), (long Amount, int Count)> _risk = new(KeyComparer.Instance);
    private readonly Dictionary<(string Terminal, string Currency), (string Store, long Amount, int Count)> _overdue = new();
    private readonly Dictionary<(string Terminal, string Transaction), (string Store, DateTimeOffset At)> _incomplete = new();

    public void Clear()
    {
        _risk.Clear();
        _overdue.Clear();
        _incomplete.Clear();
    }

    /// <summary>Replaces what <paramref name="before"/> contributed (if anything) with what <paramref name="after"/> does (null: it left).</summary>
    public void Replace(TrackedTransaction? before, TrackedTransaction? after)
    {
        if (before is not null) Apply(before, -1);
        if (after is not null) Apply(after, +1);
    }

    /// <remarks>
    /// Sums are checked: with amounts capped at 10^12 minor units (EventParser) no realistic book can overflow a long,
    /// so an overflow is a bug, and it must be loud rather than a wrapped, believable-looking total.
    /// </remarks>
    private void Apply(TrackedTransaction t, int sign)
    {
        if (t.Verdict.Reason is not { } reason) return;
        var (amount, currency, store) = (t.Record.AmountMinor, t.Record.Currency, t.StoreCode);
        Add(_risk, (store, currency, reason), sign * amount, sign);
        if (reason is UnsettledReason.NotSettled or UnsettledReason.AuthorizationExpiring)
        {
            var key = (t.TerminalId, currency);
            var (_, sum, count) = _overdue.GetValueOrDefault(key);
            if (count + sign == 0) _overdue.Remove(key);
            else _overdue[key] = (store, checked(sum + sign * amount), checked(count + sign));
        }
        if (reason == UnsettledReason.Incomplete)
        {
            if (sign > 0) _incomplete[(t.TerminalId, t.TransactionId)] = (store, t.Record.AuthorizedAt);
            else _incomplete.Remove((t.TerminalId, t.TransactionId));
        }
    }

    private static void Add<TKey>(Dictionary<TKey, (long Amount, int Count)> cells, TKey key, long amount, int count) where TKey : notnull
    {
        var (sum, n) = cells.GetValueOrDefault(key);
        if (n + count == 0) cells.Remove(key);
        else cells[key] = (checked(sum + amount), checked(n + count));
    }

    public UnsettledSummary Snapshot(IReadOnlySet<string>? stores)
    {
        bool In(string store) => stores is null || stores.Contains(store);
        return new UnsettledSummary(
            _risk.Where(c => In(c.Key.Store)).Select(c => new RiskCell(c.Key.Store, c.Key.Currency, c.Key.Reason, c.Value.Amount, c.Value.Count)).ToList(),
            _overdue.Where(c => In(c.Value.Store)).Select(c => new OverdueCell(c.Key.Terminal, c.Value.Store, c.Key.Currency, c.Value.Amount, c.Value.Count)).ToList(),
            _incomplete.Values.Where(v => In(v.Store)).Select(v => (v.Store, v.At)).ToList());
    }

    /// <summary>Store codes compare without case everywhere else; currencies as sent.</summary>
    private sealed class KeyComparer : IEqualityComparer<(string Store, string Currency, UnsettledReason Reason)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Store, string Currency, UnsettledReason Reason) a, (string Store, string Currency, UnsettledReason Reason) b) =>
            a.Reason == b.Reason && string.Equals(a.Store, b.Store, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.Currency, b.Currency, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Store, string Currency, UnsettledReason Reason) k) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(k.Store), StringComparer.OrdinalIgnoreCase.GetHashCode(k.Currency), k.Reason);
    }
}
