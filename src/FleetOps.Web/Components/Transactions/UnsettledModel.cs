using FleetOps.Core.Detection;
using FleetOps.Web.Background;
using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Cases;

namespace FleetOps.Web.Components.Transactions;

/// <summary>
/// Everything the unsettled-payments page shows besides the table, computed from the in-memory book and fleet and
/// limited to the user's scope (and to one store when the page is filtered by store). A plain class so it is
/// testable without Blazor.
/// </summary>
public sealed class UnsettledModel
{
    public const int ListLimit = 50;

    public RiskTotals Totals { get; private init; } = RiskTotals.None;
    public IReadOnlyDictionary<UnsettledReason, int> ByReason { get; private init; } = new Dictionary<UnsettledReason, int>();
    public IReadOnlyList<RegionRisk> Regions { get; private init; } = [];
    public IReadOnlyList<StoreRisk> Stores { get; private init; } = [];
    public IReadOnlyList<LostSale> LostSales { get; private init; } = [];
    public IReadOnlyList<AttentionTerminal> Attention { get; private init; } = [];
    public OperatorFailures OperatorFailures { get; private init; } = new([], []);

    /// <summary>The store codes a page may show: the scope's, narrowed to <paramref name="store"/> when given; null is "every store".</summary>
    public static IReadOnlySet<string>? StoresFor(AccessScope scope, StoreDirectory stores, string? store = null)
    {
        var allowed = scope.StoreCodes(stores);
        if (string.IsNullOrWhiteSpace(store)) return allowed;
        return allowed is null || allowed.Contains(store)
            ? new HashSet<string>([store], StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    }

    public static IEnumerable<TrackedTransaction> InStores(IEnumerable<TrackedTransaction> transactions, IReadOnlySet<string>? stores) =>
        stores is null ? transactions : transactions.Where(t => stores.Contains(t.StoreCode));

    public static IEnumerable<(TransactionRecord Record, string StoreCode)> InStores(
        IEnumerable<(TransactionRecord Record, string StoreCode)> transactions, IReadOnlySet<string>? stores) =>
        stores is null ? transactions : transactions.Where(t => stores.Contains(t.StoreCode));

    /// <summary>Money at risk in the scope (or one store of it), for the overview and the store page.</summary>
    public static RiskTotals MoneyAtRiskFor(TransactionBook book, StoreDirectory stores, AccessScope scope, string? store = null,
        CaseBook? cases = null) =>
        RiskTallies.From(book, StoresFor(scope, stores, store), cases).Totals.ToTotals();

    public static UnsettledModel Build(TransactionBook book, FleetState fleet, StoreDirectory stores, AccessScope scope,
        DateTimeOffset now, string? store = null, CaseBook? cases = null, MoneyAtRiskHistory? history = null, DetectionOptions? detection = null)
    {
        var allowed = StoresFor(scope, stores, store);
        var tallies = RiskTallies.From(book, allowed, cases);

        // Operator-caused failures are about the procedure, whatever became of the case: open incomplete sales from the
        // totals, and the closed ones that were incomplete from the history.
        var operatorFailures = new OperatorFailureCounter(fleet, stores, now, detection ?? new DetectionOptions());
        foreach (var (storeCode, authorizedAt) in tallies.Summary.Incomplete) operatorFailures.Count(storeCode, authorizedAt);
        foreach (var (record, storeCode) in InStores(history?.ClosedTransactions() ?? [], allowed)) operatorFailures.Offer(record, storeCode);

        return new UnsettledModel
        {
            Totals = tallies.Totals.ToTotals(),
            ByReason = Enum.GetValues<UnsettledReason>().ToDictionary(r => r, r => tallies.Reasons[(int)r]),
            Stores = tallies.PerStore.Select(s => new StoreRisk(s.Key, stores.Get(s.Key), s.Value.ToTotals()))
                .OrderByDescending(s => s.Risk.LargestAmount).ThenByDescending(s => s.Risk.Count).ThenBy(s => s.StoreCode, StringComparer.OrdinalIgnoreCase)
                .ToList(),
            Regions = tallies.Regions(stores),
            LostSales = InStores(book.LostSales, allowed)
                .Select(t => new LostSale(t, stores.Get(t.StoreCode), t.Record.At(TransactionStage.Reversed) ?? t.Record.AuthorizedAt))
                .OrderByDescending(l => l.ReversedAt).ThenBy(l => l.Sale.TerminalId, StringComparer.Ordinal)
                .ToList(),
            Attention = NeedAttention(tallies.Overdue, book, fleet, stores, scope, store),
            OperatorFailures = operatorFailures.Result(),
        };
    }

    private static List<AttentionTerminal> NeedAttention(Dictionary<string, RiskTally> overdue, TransactionBook book, FleetState fleet,
        StoreDirectory stores, AccessScope scope, string? store)
    {
        var terminals = string.IsNullOrWhiteSpace(store)
            ? scope.Terminals(fleet, stores)
            : scope.AllowsStore(store, stores) ? fleet.InStore(store) : [];
        var result = new List<AttentionTerminal>();
        foreach (var t in terminals)
        {
            if (t.Registration.Decommissioned) continue;
            var pending = t.Heartbeat?.PendingReversals ?? 0;
            var late = overdue.GetValueOrDefault(t.TerminalId) is { Count: > 0 } tally ? tally : null;
            if (pending <= 0 && late is null) continue;
            result.Add(new AttentionTerminal(t.TerminalId, t.StoreCode, stores.Get(t.StoreCode), Math.Max(0, pending),
                late?.ToTotals() ?? RiskTotals.None, null, t.Heartbeat, t.LastContactAt));
        }
        // The oldest sale is looked up for the terminals the page lists, not for every one of a chain.
        return result.OrderByDescending(a => a.PendingReversals + a.Overdue.Count).ThenByDescending(a => a.PendingReversals)
            .ThenBy(a => a.TerminalId, StringComparer.Ordinal)
            .Select((a, i) => i < ListLimit && a.Overdue.Count > 0 ? a with { OldestOverdueAt = book.OldestOverdue(a.TerminalId) } : a)
            .ToList();
    }
}
