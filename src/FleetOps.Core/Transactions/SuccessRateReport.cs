using FleetOps.Core.Fleet;

namespace FleetOps.Core.Transactions;

/// <summary>
/// Everything the success-rate page, the store page's section and the API show (issue 15, item 8), from day totals in
/// one pass — never from sales, so a chain's 90 days cost stores × days. Limited to the stores allowed, narrowed by
/// region or store. Days are each store's own local dates; the axis ends on today in the zone the stores shown share
/// (else UTC).
/// </summary>
public sealed class SuccessRateReport
{
    public const int DefaultDays = 30;
    public const int MaxDays = 90;
    public static readonly IReadOnlyList<int> Windows = [DefaultDays, MaxDays];

    public static readonly SuccessRateReport Empty = new() { Dates = [], Lines = [], Stores = [], Total = default, Comparisons = [] };

    public required IReadOnlyList<DateOnly> Dates { get; init; }

    /// <summary>One line per region of the stores shown, or one for the chosen store.</summary>
    public required IReadOnlyList<SuccessLine> Lines { get; init; }

    /// <summary>Stores with sales in the window, worst success rate first (then most failures per 1,000).</summary>
    public required IReadOnlyList<StoreSuccess> Stores { get; init; }

    public required SaleCounts Total { get; init; }

    /// <summary>Before and after each marked day, in the order of the days.</summary>
    public required IReadOnlyList<SuccessRateComparison> Comparisons { get; init; }

    /// <summary>The first day with any sale of the stores shown, when it is inside the window (the history is shorter).</summary>
    public DateOnly? CountedFrom { get; init; }

    /// <param name="allowed">The stores the caller may see (null: every store), already narrowed to a chosen store.</param>
    /// <param name="store">The chosen store: its own line instead of one per region.</param>
    /// <param name="markers">Days to compare before and after (training sessions).</param>
    public static SuccessRateReport Build(SaleDayTally tally, StoreDirectory stores, IReadOnlySet<string>? allowed, DateTimeOffset now,
        string? region = null, string? store = null, int days = DefaultDays, IEnumerable<DateOnly>? markers = null)
    {
        bool Shown(string code, StoreInfo? info) => (allowed is null || allowed.Contains(code))
            && (string.IsNullOrWhiteSpace(region) || string.Equals(info?.Region, region, StringComparison.OrdinalIgnoreCase));

        var codes = allowed ?? stores.All.Select(s => s.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var zone = StoreTime.Common(stores, codes.Where(c => Shown(c, stores.Get(c))).ToHashSet(StringComparer.OrdinalIgnoreCase));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var first = today.AddDays(1 - days);

        var lines = new Dictionary<string, SaleCounts[]>(StringComparer.OrdinalIgnoreCase);
        var perStore = new Dictionary<string, SaleCounts>(StringComparer.OrdinalIgnoreCase);
        var perDay = new Dictionary<DateOnly, SaleCounts>(); // every held day, for comparisons reaching before the window
        DateOnly? earliest = null;
        foreach (var ((code, day), counts) in tally.Days)
        {
            var info = stores.Get(code);
            if (!Shown(code, info)) continue;
            perDay[day] = perDay.GetValueOrDefault(day) + counts;
            if (earliest is null || day < earliest) earliest = day;
            if (day < first || day > today) continue;
            var name = string.IsNullOrWhiteSpace(store) ? info?.Region ?? "" : code;
            if (!lines.TryGetValue(name, out var line)) lines[name] = line = new SaleCounts[days];
            line[day.DayNumber - first.DayNumber] += counts;
            perStore[code] = perStore.GetValueOrDefault(code) + counts;
        }

        var rows = perStore.Select(s => new StoreSuccess(s.Key, stores.Get(s.Key), s.Value))
            .OrderBy(s => s.Counts.SuccessRate ?? 2).ThenByDescending(s => s.Counts.FailuresPerThousand ?? 0)
            .ThenBy(s => s.StoreCode, StringComparer.OrdinalIgnoreCase).ToList();
        return new SuccessRateReport
        {
            Dates = Enumerable.Range(0, days).Select(first.AddDays).ToList(),
            Lines = lines.OrderBy(l => l.Key, StringComparer.OrdinalIgnoreCase).Select(l => new SuccessLine(l.Key, l.Value)).ToList(),
            Stores = rows,
            Total = rows.Aggregate(default(SaleCounts), (sum, s) => sum + s.Counts),
            Comparisons = (markers ?? []).Order()
                .Select(on => SuccessRateComparison.Around(on, d => perDay.GetValueOrDefault(d), today, heldFrom: earliest))
                .ToList(),
            CountedFrom = earliest > first ? earliest : null,
        };
    }
}
