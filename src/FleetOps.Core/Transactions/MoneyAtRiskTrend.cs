using FleetOps.Core.Detection;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Transactions;

/// <summary>
/// Money at risk over the last days: for each day, the amounts of the transactions that were at risk at the end of it
/// (the midnight after it, in the given time zone; today's point is now), per currency. A pure function of the records,
/// so the overview, the store page and the tests compute it the same way.
/// </summary>
public static class MoneyAtRiskTrend
{
    public const int DefaultDays = 30;

    /// <param name="stores">The store codes to count; null counts every store.</param>
    /// <param name="notCredited">
    /// Whether a settled sale is one the acquirer's reports proved not credited (the book knows); such a sale is at risk
    /// from its settlement on (<see cref="RiskWindows.NotCredited"/>), not closed by it.
    /// </param>
    public static RiskTrend Daily(IEnumerable<(TransactionRecord Record, string StoreCode)> transactions, IReadOnlySet<string>? stores,
        DateTimeOffset now, TimeZoneInfo zone, DetectionOptions options, int days = DefaultDays, Func<TransactionRecord, bool>? notCredited = null)
    {
        var samples = Samples(now, zone, days);
        var sums = new Dictionary<string, long[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (record, storeCode) in transactions)
        {
            if (stores is not null && !stores.Contains(storeCode)) continue;
            // A record's windows never overlap, so a day's end falls in one of them at most.
            var windows = notCredited is not null && record.Has(TransactionStage.Settled) && notCredited(record)
                ? RiskWindows.NotCredited(record) : RiskWindows.Of(record, options);
            foreach (var window in windows)
            {
                for (var i = 0; i < samples.Count; i++)
                {
                    if (!window.Contains(samples[i].At)) continue;
                    if (!sums.TryGetValue(record.Currency, out var perDay)) sums[record.Currency] = perDay = new long[samples.Count];
                    perDay[i] = checked(perDay[i] + record.AmountMinor); // a wrapped total would look believable
                }
            }
        }
        return new RiskTrend(
            samples.Select(s => s.Day).ToList(),
            sums.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase).Select(c => new CurrencyTrend(c.Key, c.Value)).ToList());
    }

    /// <summary>The moments a trend looks at: the end of each of the last <paramref name="days"/> days in <paramref name="zone"/>, and now for today.</summary>
    public static IReadOnlyList<(DateOnly Day, DateTimeOffset At)> Samples(DateTimeOffset now, TimeZoneInfo zone, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return Enumerable.Range(0, days).Select(i =>
        {
            var day = today.AddDays(i - (days - 1));
            return (day, day == today ? now : StartOf(day.AddDays(1), zone));
        }).ToList();
    }

    /// <summary>Midnight of <paramref name="day"/> in <paramref name="zone"/>; where clocks skip midnight, the first moment that exists.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
