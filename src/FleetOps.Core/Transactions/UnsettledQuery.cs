using FleetOps.Core.Wire;

namespace FleetOps.Core.Transactions;

/// <summary>A filtered, sorted page of the unsettled worklist, answered from the in-memory book.</summary>
public sealed record UnsettledQuery
{
    public IReadOnlySet<string>? Stores { get; init; }
    public UnsettledReason? Reason { get; init; }
    public TimeSpan? MinimumAge { get; init; }
    /// <summary>In major units, compared with each sale in its own currency (12 means ¥12.00 and also ¥12 of JPY).</summary>
    public decimal? MinimumAmount { get; init; }
    public string? Search { get; init; }
    public UnsettledSort SortBy { get; init; } = UnsettledSort.Oldest;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    public const int MaxPageSize = 1000;

    public IEnumerable<TrackedTransaction> Filter(IEnumerable<TrackedTransaction> unsettled, DateTimeOffset now) => unsettled.Where(t =>
        t.Verdict.Reason is not null
        && (Stores is null || Stores.Contains(t.StoreCode))
        && (Reason is null || t.Verdict.Reason == Reason)
        && (MinimumAge is null || now - t.Record.AuthorizedAt >= MinimumAge)
        && (MinimumAmount is null || Money.ToMajor(t.Record.AmountMinor, t.Record.Currency) >= MinimumAmount)
        && (string.IsNullOrWhiteSpace(Search) || Matches(t, Search.Trim())));

    /// <summary>The worklist's order: the chosen key, then terminal and transaction id so that pages never overlap.</summary>
    public IComparer<TrackedTransaction> Order => Comparer<TrackedTransaction>.Create(SortBy switch
    {
        UnsettledSort.Newest => (a, b) => Then(b.Record.AuthorizedAt.CompareTo(a.Record.AuthorizedAt), a, b),
        UnsettledSort.AmountHighest => (a, b) => Then(b.Record.AmountMinor.CompareTo(a.Record.AmountMinor), a, b),
        UnsettledSort.Store => (a, b) => Then(StringComparer.OrdinalIgnoreCase.Compare(a.StoreCode, b.StoreCode), a, b),
        UnsettledSort.Reason => (a, b) => Then(Nullable.Compare(a.Verdict.Reason, b.Verdict.Reason), a, b),
        _ => (a, b) => Then(a.Record.AuthorizedAt.CompareTo(b.Record.AuthorizedAt), a, b),
    });

    /// <summary>All of them in the worklist's order (stable: equal ones keep the order they came in).</summary>
    public IEnumerable<TrackedTransaction> Sort(IEnumerable<TrackedTransaction> items) => items.Order(Order);

    /// <summary>
    /// One page and the number of matches, in one pass over <paramref name="unsettled"/>: only the rows up to the end of
    /// the page are kept and ordered (a bounded heap), not every match — the first page of 100,000 costs a scan, not a sort.
    /// </summary>
    public (IReadOnlyList<TrackedTransaction> Items, int Total) Run(IEnumerable<TrackedTransaction> unsettled, DateTimeOffset now)
    {
        var size = Math.Clamp(PageSize, 1, MaxPageSize);
        var skip = new PageRequest(Page, size).Skip;
        var top = new TopRows((long)skip + size, Order);
        var total = 0;
        foreach (var t in Filter(unsettled, now))
        {
            top.Offer(t, total++);
        }
        return (top.InOrder().Skip(skip).ToList(), total);
    }

    private static int Then(int byKey, TrackedTransaction a, TrackedTransaction b)
    {
        if (byKey != 0) return byKey;
        var byTerminal = string.CompareOrdinal(a.TerminalId, b.TerminalId);
        return byTerminal != 0 ? byTerminal : string.CompareOrdinal(a.TransactionId, b.TransactionId);
    }

    private static bool Matches(TrackedTransaction t, string text) =>
        t.TerminalId.Contains(text, StringComparison.OrdinalIgnoreCase)
        || t.TransactionId.Contains(text, StringComparison.OrdinalIgnoreCase)
        || t.StoreCode.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (t.Record.Rrn?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || (t.Record.AuthCode?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
}

/// <summary>
/// The first <c>limit</c> rows of a sequence in a given order, without sorting the rest: a max-heap holds the best so far
/// and its worst is replaced when a better row comes. Ties keep the order of arrival, as a stable sort would.
/// </summary>
internal sealed class TopRows(long limit, IComparer<TrackedTransaction> order)
{
    private readonly PriorityQueue<TrackedTransaction, (TrackedTransaction Row, int Arrival)> _worstFirst =
        new(Comparer<(TrackedTransaction Row, int Arrival)>.Create((a, b) => Compare(order, b, a)));

    public void Offer(TrackedTransaction row, int arrival)
    {
        if (_worstFirst.Count < limit)
        {
            _worstFirst.Enqueue(row, (row, arrival));
        }
        else if (limit > 0 && _worstFirst.TryPeek(out _, out var worst) && Compare(order, (row, arrival), worst) < 0)
        {
            _worstFirst.DequeueEnqueue(row, (row, arrival));
        }
    }

    /// <summary>The rows kept, best first.</summary>
    public TrackedTransaction[] InOrder()
    {
        var rows = new TrackedTransaction[_worstFirst.Count];
        for (var i = rows.Length - 1; i >= 0; i--) rows[i] = _worstFirst.Dequeue();
        return rows;
    }

    private static int Compare(IComparer<TrackedTransaction> order, (TrackedTransaction Row, int Arrival) a, (TrackedTransaction Row, int Arrival) b)
    {
        var byOrder = order.Compare(a.Row, b.Row);
        return byOrder != 0 ? byOrder : a.Arrival.CompareTo(b.Arrival);
    }
}
