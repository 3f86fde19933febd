namespace FleetOps.Core.Reconciliation;

/// <summary>
/// The acquirer scorecard over a window of settlement days (90 by default, issue 16): per acquirer, the credit delay
/// from settlement to credit, the share of sales never credited or credited wrong, and the fees — numbers, not
/// impressions, for choosing an acquirer. Pure: the caller gathers the sales.
/// </summary>
public static class AcquirerScorecard
{
    public const int DefaultDays = 90;

    /// <summary>
    /// Scores every acquirer in <paramref name="acquirers"/> (an acquirer without sales in the window still gets its
    /// line, empty) plus any other acquirer a sale names, ordered by name. Sales settled outside
    /// <paramref name="from"/>..<paramref name="through"/> (inclusive) are left out.
    /// </summary>
    public static IReadOnlyList<AcquirerScore> Compute(IEnumerable<ScoredSale> sales, IEnumerable<string> acquirers, DateOnly from, DateOnly through)
    {
        var byAcquirer = acquirers.ToDictionary(a => a, _ => new List<ScoredSale>(), StringComparer.OrdinalIgnoreCase);
        foreach (var sale in sales)
        {
            if (sale.SettledOn < from || sale.SettledOn > through) continue;
            if (!byAcquirer.TryGetValue(sale.Acquirer, out var list)) byAcquirer[sale.Acquirer] = list = [];
            list.Add(sale);
        }
        return byAcquirer.OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase).Select(a => Score(a.Key, a.Value)).ToList();
    }

    /// <summary>
    /// The nearest-rank percentile: the smallest delay that at least <paramref name="percent"/> % of the sales' delays do
    /// not exceed. Always a day that occurred — "half the credits came within 2 days" — never an average of two. The
    /// delays come with how many sales took each (the database groups them), in ascending order.
    /// </summary>
    private static int? Percentile(IReadOnlyList<(int Days, int Sales)> sortedDelays, int percent)
    {
        var total = sortedDelays.Sum(d => d.Sales);
        if (total == 0) return null;
        var rank = Math.Clamp((int)Math.Ceiling(percent / 100.0 * total), 1, total);
        var seen = 0;
        foreach (var (days, sales) in sortedDelays)
        {
            seen += sales;
            if (seen >= rank) return days;
        }
        return sortedDelays[^1].Days;
    }

    private static AcquirerScore Score(string acquirer, List<ScoredSale> sales)
    {
        var delays = sales
            .Where(s => s.CreditedOn is not null)
            .GroupBy(s => Math.Max(0, s.CreditedOn!.Value.DayNumber - s.SettledOn.DayNumber))
            .Select(g => (Days: g.Key, Sales: g.Sum(s => s.Count)))
            .OrderBy(d => d.Days)
            .ToList();
        var fees = sales
            .GroupBy(s => s.Currency, StringComparer.OrdinalIgnoreCase)
            .Select(g => new AcquirerFees(g.Key.ToUpperInvariant(), g.Sum(s => s.FeeMinor), g.Where(s => s.CreditedOn is not null).Sum(s => s.Count)))
            .Where(f => f.TotalMinor != 0 || f.CreditedSales > 0)
            .OrderBy(f => f.Currency, StringComparer.Ordinal)
            .ToList();
        return new AcquirerScore(acquirer, sales.Sum(s => s.Count), delays.Sum(d => d.Sales), Percentile(delays, 50), Percentile(delays, 95),
            sales.Where(s => s.NeverCredited).Sum(s => s.Count), sales.Where(s => s.CreditedWrong).Sum(s => s.Count), fees);
    }
}
