namespace FleetOps.Core.Transactions;

public enum UnsettledSort { Oldest, Newest, AmountHighest, Store, Reason }

/// <summary>A filtered, sorted page of the unsettled worklist, answered from the in-memory book.</summary>
public sealed record UnsettledQuery
{
    public IReadOnlySet<string>? Stores { get; init; }
    public UnsettledReason? Reason { get; init; }
    public TimeSpan? MinimumAge { get; init; }
    public long? MinimumAmountMinor { get; init; }
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
        && (MinimumAmountMinor is null || t.Record.AmountMinor >= MinimumAmountMinor)
        && (string.IsNullOrWhiteSpace(Search) || Matches(t, Search.Trim())));

    public IEnumerable<TrackedTransaction> Sort(IEnumerable<TrackedTransaction> items)
    {
        var ordered = SortBy switch
        {
            UnsettledSort.Newest => items.OrderByDescending(t => t.Record.AuthorizedAt),
            UnsettledSort.AmountHighest => items.OrderByDescending(t => t.Record.AmountMinor),
            UnsettledSort.Store => items.OrderBy(t => t.StoreCode, StringComparer.OrdinalIgnoreCase),
            UnsettledSort.Reason => items.OrderBy(t => t.Verdict.Reason),
            _ => items.OrderBy(t => t.Record.AuthorizedAt),
        };
        return ordered.ThenBy(t => t.TerminalId, StringComparer.Ordinal).ThenBy(t => t.TransactionId, StringComparer.Ordinal);
    }

    public (IReadOnlyList<TrackedTransaction> Items, int Total) Run(IEnumerable<TrackedTransaction> unsettled, DateTimeOffset now)
    {
        var matching = Filter(unsettled, now).ToList();
        var size = Math.Clamp(PageSize, 1, MaxPageSize);
        return (Sort(matching).Skip((Math.Max(1, Page) - 1) * size).Take(size).ToList(), matching.Count);
    }

    private static bool Matches(TrackedTransaction t, string text) =>
        t.TerminalId.Contains(text, StringComparison.OrdinalIgnoreCase)
        || t.TransactionId.Contains(text, StringComparison.OrdinalIgnoreCase)
        || t.StoreCode.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (t.Record.Rrn?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || (t.Record.AuthCode?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);
}

/// <summary>Money at risk: the sum of unsettled amounts, per currency (amounts in different currencies never add up).</summary>
public static class MoneyAtRisk
{
    public static IReadOnlyList<(string Currency, long AmountMinor, int Count)> ByCurrency(IEnumerable<TrackedTransaction> unsettled) =>
        unsettled.Where(t => t.Verdict.IsUnsettled)
            .GroupBy(t => t.Record.Currency, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.Sum(t => t.Record.AmountMinor), g.Count()))
            .OrderByDescending(x => x.Item2)
            .ToList();
}
