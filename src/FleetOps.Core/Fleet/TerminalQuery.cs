using FleetOps.Core.Detection;
using FleetOps.Core.Wire;

namespace FleetOps.Core.Fleet;

/// <summary>
/// A filtered, sorted page of terminals, answered from the in-memory fleet (no database query per page,
/// so grids stay fast with 100,000 terminals and live updates can re-run it freely).
/// </summary>
public sealed record TerminalQuery
{
    public Connectivity? Connectivity { get; init; }
    public PowerStatus? Power { get; init; }
    public SoftwareStatus? Software { get; init; }
    public IReadOnlyCollection<string>? Stores { get; init; }
    public string? Model { get; init; }
    public string? AppVersion { get; init; }
    public string? Search { get; init; }
    public bool IncludeDecommissioned { get; init; } = true;
    public TerminalSort SortBy { get; init; } = TerminalSort.TerminalId;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    public const int MaxPageSize = 500;

    public IEnumerable<TerminalSnapshot> Filter(IEnumerable<TerminalSnapshot> terminals)
    {
        var stores = Stores is { Count: > 0 } ? new HashSet<string>(Stores, StringComparer.OrdinalIgnoreCase) : null;
        // A status filter lists terminals in service: the overview's cards, the power page and the software compliance count
        // only those, and each of their counts opens this list filtered so ("29 outdated" opened 30 with a decommissioned one,
        // "5 offline" 6). A decommissioned terminal is still listed without a status filter, and found by id, store or search.
        var inServiceOnly = Connectivity is not null || Power is not null || Software is not null;
        return terminals.Where(t =>
            (Connectivity is null || t.Assessment.Connectivity == Connectivity)
            && (Power is null || t.Assessment.Power == Power)
            && (Software is null || t.Assessment.Software == Software)
            && !(inServiceOnly && t.Registration.Decommissioned)
            && (stores is null || stores.Contains(t.StoreCode))
            && (Model is null || string.Equals(t.Model, Model, StringComparison.OrdinalIgnoreCase))
            && (AppVersion is null || string.Equals(t.AppVersion, AppVersion, StringComparison.OrdinalIgnoreCase))
            && (IncludeDecommissioned || !t.Registration.Decommissioned)
            && (string.IsNullOrWhiteSpace(Search) || Matches(t, Search.Trim())));
    }

    public IEnumerable<TerminalSnapshot> Sort(IEnumerable<TerminalSnapshot> terminals)
    {
        var ordered = SortBy switch
        {
            TerminalSort.Store => Order(terminals, t => t.StoreCode, StringComparer.OrdinalIgnoreCase),
            TerminalSort.Model => Order(terminals, t => t.Model, StringComparer.OrdinalIgnoreCase),
            TerminalSort.Connectivity => Order(terminals, t => (int)t.Assessment.Connectivity),
            TerminalSort.LastSeen => Order(terminals, t => t.LastContactAt ?? DateTimeOffset.MinValue),
            TerminalSort.AppVersion => Order(terminals, t => t.AppVersion ?? "", Comparer<string>.Create(SoftwareVersion.Compare)),
            TerminalSort.Power => Order(terminals, t => t.Assessment.LossesInWindow),
            TerminalSort.Software => Order(terminals, t => (int)t.Assessment.Software),
            _ => Order(terminals, t => t.TerminalId, StringComparer.Ordinal),
        };
        // A stable tie-break keeps rows from jumping between pages as live updates arrive.
        return ordered.ThenBy(t => t.TerminalId, StringComparer.Ordinal);
    }

    /// <summary>Runs the query: the page of rows and the number of rows matching the filters.</summary>
    public (IReadOnlyList<TerminalSnapshot> Items, int Total) Run(IEnumerable<TerminalSnapshot> terminals)
    {
        var matching = Filter(terminals).ToList();
        var size = Math.Clamp(PageSize, 1, MaxPageSize);
        var page = Math.Max(1, Page);
        var items = new PageRequest(page, size).Of(Sort(matching)).ToList();
        return (items, matching.Count);
    }

    private IOrderedEnumerable<TerminalSnapshot> Order<TKey>(IEnumerable<TerminalSnapshot> source, Func<TerminalSnapshot, TKey> key, IComparer<TKey>? comparer = null) =>
        Descending ? source.OrderByDescending(key, comparer) : source.OrderBy(key, comparer);

    private static bool Matches(TerminalSnapshot t, string text) =>
        t.TerminalId.Contains(text, StringComparison.OrdinalIgnoreCase)
        || t.StoreCode.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (t.Registration.SerialNumber?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || t.Model.Contains(text, StringComparison.OrdinalIgnoreCase);
}
