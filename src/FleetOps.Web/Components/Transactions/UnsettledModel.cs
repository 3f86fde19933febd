using System.Globalization;
using FleetOps.Core.Detection;
using FleetOps.Web.Background;
using FleetOps.Core.Access;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using FleetOps.Web.Cases;

namespace FleetOps.Web.Components.Transactions;

/// <summary>Money at risk in one currency (amounts in different currencies never add up).</summary>
public sealed record CurrencyRisk(string Currency, long AmountMinor, int Count);

/// <summary>Money at risk of a group of transactions (a store, a region, the user's scope), per currency.</summary>
public sealed record RiskTotals(IReadOnlyList<CurrencyRisk> ByCurrency)
{
    public static readonly RiskTotals None = new([]);

    public int Count => ByCurrency.Sum(c => c.Count);

    /// <summary>For ordering groups "biggest first" although currencies do not add: the largest single-currency amount.</summary>
    public long LargestAmount => ByCurrency.Count == 0 ? 0 : ByCurrency.Max(c => c.AmountMinor);

    public static RiskTotals Of(IEnumerable<TrackedTransaction> unsettled) =>
        new(MoneyAtRisk.ByCurrency(unsettled).Select(c => new CurrencyRisk(c.Currency, c.AmountMinor, c.Count)).ToList());
}

public sealed record StoreRisk(string StoreCode, StoreInfo? Store, RiskTotals Risk);

public sealed record RegionRisk(string Region, int Stores, RiskTotals Risk);

/// <summary>A sale reversed after a power loss: the customer was refunded, but the goods may have left the store.</summary>
public sealed record LostSale(TrackedTransaction Sale, StoreInfo? Store, DateTimeOffset ReversedAt);

/// <summary>
/// A terminal to look at: its newest heartbeat reports reversals it could not send yet, or it holds completed sales whose
/// batch was not settled within the settle limit (the batch was never closed).
/// </summary>
public sealed record AttentionTerminal(
    string TerminalId, string StoreCode, StoreInfo? Store, int PendingReversals, RiskTotals Overdue,
    DateTimeOffset? OldestOverdueAt, HeartbeatFacts? Heartbeat, DateTimeOffset? LastContactAt);

/// <summary>Operator-caused failures of one store per day, oldest day first.</summary>
public sealed record OperatorFailureRow(string StoreCode, StoreInfo? Store, IReadOnlyList<int> PerDay)
{
    public int Total => PerDay.Sum();
}

public sealed record OperatorFailures(IReadOnlyList<string> Days, IReadOnlyList<OperatorFailureRow> Rows)
{
    public const int DayCount = 7;
}

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
        RiskTotals.Of(InStores(cases?.AtRisk(book) ?? book.Unsettled, StoresFor(scope, stores, store)));

    /// <summary>Money at risk per region (and how many of its stores have some), biggest first.</summary>
    public static IReadOnlyList<RegionRisk> ByRegion(IEnumerable<TrackedTransaction> unsettled, StoreDirectory stores) =>
        unsettled.Where(t => t.Verdict.IsUnsettled)
            .GroupBy(t => stores.Get(t.StoreCode)?.Region ?? "—", StringComparer.OrdinalIgnoreCase)
            .Select(g => new RegionRisk(g.Key, g.Select(t => t.StoreCode).Distinct(StringComparer.OrdinalIgnoreCase).Count(), RiskTotals.Of(g)))
            .OrderByDescending(r => r.Risk.LargestAmount).ThenBy(r => r.Region, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static UnsettledModel Build(TransactionBook book, FleetState fleet, StoreDirectory stores, AccessScope scope,
        DateTimeOffset now, string? store = null, CaseBook? cases = null, MoneyAtRiskHistory? history = null, DetectionOptions? detection = null)
    {
        var allowed = StoresFor(scope, stores, store);
        var unsettled = InStores(cases?.AtRisk(book) ?? book.Unsettled, allowed).Where(t => t.Verdict.IsUnsettled).ToList();
        var zones = new TimeZones();

        var perStore = unsettled.GroupBy(t => t.StoreCode, StringComparer.OrdinalIgnoreCase)
            .Select(g => new StoreRisk(g.Key, stores.Get(g.Key), RiskTotals.Of(g)))
            .OrderByDescending(s => s.Risk.LargestAmount).ThenByDescending(s => s.Risk.Count).ThenBy(s => s.StoreCode, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new UnsettledModel
        {
            Totals = RiskTotals.Of(unsettled),
            ByReason = Enum.GetValues<UnsettledReason>().ToDictionary(r => r, r => unsettled.Count(t => t.Verdict.Reason == r)),
            Stores = perStore,
            Regions = ByRegion(unsettled, stores),
            LostSales = InStores(book.LostSales, allowed)
                .Select(t => new LostSale(t, stores.Get(t.StoreCode), t.Record.At(TransactionStage.Reversed) ?? t.Record.AuthorizedAt))
                .OrderByDescending(l => l.ReversedAt).ThenBy(l => l.Sale.TerminalId, StringComparer.Ordinal)
                .ToList(),
            Attention = NeedAttention(unsettled, fleet, stores, scope, store),
            OperatorFailures = CountOperatorFailures(
                InStores(history?.Transactions() ?? book.Open.Select(t => (t.Record, t.StoreCode)), allowed), fleet, stores, zones, now,
                detection ?? new DetectionOptions()),
        };
    }

    private static List<AttentionTerminal> NeedAttention(List<TrackedTransaction> unsettled, FleetState fleet, StoreDirectory stores,
        AccessScope scope, string? store)
    {
        var overdue = unsettled.Where(t => t.Verdict.Reason is UnsettledReason.NotSettled or UnsettledReason.AuthorizationExpiring)
            .GroupBy(t => t.TerminalId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var terminals = string.IsNullOrWhiteSpace(store)
            ? scope.Terminals(fleet, stores)
            : scope.AllowsStore(store, stores) ? fleet.InStore(store) : [];
        var result = new List<AttentionTerminal>();
        foreach (var t in terminals)
        {
            if (t.Registration.Decommissioned) continue;
            var pending = t.Heartbeat?.PendingReversals ?? 0;
            var late = overdue.GetValueOrDefault(t.TerminalId);
            if (pending <= 0 && late is null) continue;
            result.Add(new AttentionTerminal(t.TerminalId, t.StoreCode, stores.Get(t.StoreCode), Math.Max(0, pending),
                late is null ? RiskTotals.None : RiskTotals.Of(late), late?.Min(x => x.Record.AuthorizedAt), t.Heartbeat, t.LastContactAt));
        }
        return result.OrderByDescending(a => a.PendingReversals + a.Overdue.Count).ThenByDescending(a => a.PendingReversals)
            .ThenBy(a => a.TerminalId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Sales left incomplete without a power loss (the procedure was not finished; <see cref="OperatorFailure"/>), still open or
    /// voided or reversed since, per store and per day of the authorisation in the store's own time zone, for the last
    /// <see cref="OperatorFailures.DayCount"/> days; stores with the most first.
    /// </summary>
    private static OperatorFailures CountOperatorFailures(IEnumerable<(TransactionRecord Record, string StoreCode)> sales, FleetState fleet,
        StoreDirectory stores, TimeZones zones, DateTimeOffset now, DetectionOptions detection)
    {
        const int days = OperatorFailures.DayCount;
        var rows = new List<OperatorFailureRow>();
        // Power losses once per terminal: the book may hold many open sales of one terminal.
        var losses = new Dictionary<string, IReadOnlyList<DateTimeOffset>>(StringComparer.Ordinal);
        IReadOnlyList<DateTimeOffset> LossesOf(string terminalId) =>
            losses.TryGetValue(terminalId, out var known) ? known : losses[terminalId] = fleet.Get(terminalId)?.Power.Losses() ?? [];
        var failures = sales
            .Where(s => !s.Record.Has(TransactionStage.Completed) && OperatorFailure.Was(s.Record, LossesOf(s.Record.TerminalId), now, detection))
            .Select(s => new { s.Record, s.StoreCode });
        foreach (var group in failures.GroupBy(t => t.StoreCode, StringComparer.OrdinalIgnoreCase))
        {
            var info = stores.Get(group.Key);
            var zone = zones.For(info);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            var perDay = new int[days];
            foreach (var t in group)
            {
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t.Record.AuthorizedAt, zone).DateTime);
                var ago = today.DayNumber - day.DayNumber;
                if (ago is >= 0 and < days) perDay[days - 1 - ago]++;
            }
            if (perDay.Sum() > 0) rows.Add(new OperatorFailureRow(group.Key, info, perDay));
        }
        rows = rows.OrderByDescending(r => r.Total).ThenBy(r => r.StoreCode, StringComparer.OrdinalIgnoreCase).ToList();

        // Column headings: the dates, when every listed store shares one time zone (the usual case); otherwise days ago.
        var rowZones = rows.Select(r => zones.For(r.Store).Id).Distinct(StringComparer.Ordinal).ToList();
        IReadOnlyList<string> headings;
        if (rowZones.Count <= 1)
        {
            var zone = rows.Count == 0 ? TimeZoneInfo.Utc : zones.For(rows[0].Store);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            headings = Enumerable.Range(0, days)
                .Select(i => today.AddDays(i - (days - 1)).ToString("ddd d MMM", CultureInfo.InvariantCulture)).ToList();
        }
        else
        {
            headings = Enumerable.Range(0, days).Select(i => (days - 1 - i) switch
            {
                0 => "Today",
                1 => "Yesterday",
                var n => $"{n} days ago",
            }).ToList();
        }
        return new OperatorFailures(headings, rows);
    }

    /// <summary>Store time zones, looked up once per build.</summary>
    private sealed class TimeZones
    {
        private readonly Dictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);

        public TimeZoneInfo For(StoreInfo? store)
        {
            var id = store?.TimeZone;
            if (id is null) return TimeZoneInfo.Utc;
            if (_zones.TryGetValue(id, out var zone)) return zone;
            zone = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
            _zones[id] = zone;
            return zone;
        }
    }
}
