namespace FleetOps.Core.Transactions;

/// <summary>The totals a page shows, read from <see cref="TransactionBook.Summary"/> instead of walking every open sale.</summary>
public sealed record UnsettledSummary(
    IReadOnlyList<RiskCell> Risk, IReadOnlyList<OverdueCell> Overdue, IReadOnlyList<(string StoreCode, DateTimeOffset AuthorizedAt)> Incomplete);
