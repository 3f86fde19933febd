using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;

namespace FleetOps.Web.Components.Transactions;

/// <summary>
/// Operator-caused failures (<see cref="OperatorFailure"/>: sales left incomplete without a power loss, still open or
/// voided or reversed since) per store and per local day of the authorisation, for the last
/// <see cref="OperatorFailures.DayCount"/> days, as sales are offered one by one (the page walks the book once). The
/// counting itself is <see cref="SaleCounter"/>'s, shared with the success rate.
/// </summary>
internal sealed class OperatorFailureCounter(FleetState fleet, StoreDirectory stores, DateTimeOffset now, DetectionOptions detection)
{
    private const int Days = OperatorFailures.DayCount;

    // A day's margin before the first local day, whatever the store's time zone.
    private readonly DateTimeOffset _windowStart = now - TimeSpan.FromDays(Days + 1);
    private readonly SaleCounter _counter = new(fleet, stores, now, detection);

    public void Offer(TransactionRecord record, string storeCode)
    {
        // Cheap tests first: only failures are read here.
        if (record.AuthorizedAt < _windowStart || record.Has(TransactionStage.Completed)) return;
        _counter.Offer(record, storeCode);
    }

    /// <summary>Counts a sale already judged operator-caused (an open one the book's verdict calls incomplete).</summary>
    public void Count(string storeCode, DateTimeOffset authorizedAt)
    {
        if (authorizedAt >= _windowStart) _counter.CountFailure(storeCode, authorizedAt);
    }

    /// <summary>Stores with the most first; the columns are dates when all listed stores share one time zone, else "days ago".</summary>
    public OperatorFailures Result()
    {
        var perStore = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var ((store, day), counts) in _counter.Tally.Days)
        {
            // Day 0 is the oldest of the store's own last days; earlier days (the margin) are not shown.
            var index = Days - 1 - _counter.Today(store).DayNumber + day.DayNumber;
            if (counts.OperatorFailures == 0 || index < 0 || index >= Days) continue;
            if (!perStore.TryGetValue(store, out var perDay)) perStore[store] = perDay = new int[Days];
            perDay[index] += counts.OperatorFailures;
        }
        var rows = perStore.Select(s => new OperatorFailureRow(s.Key, stores.Get(s.Key), s.Value))
            .OrderByDescending(r => r.Total).ThenBy(r => r.StoreCode, StringComparer.OrdinalIgnoreCase).ToList();
        var rowZones = rows.Select(r => ZoneOf(r.Store).Id).Distinct(StringComparer.Ordinal).ToList();
        DateOnly? today = null;
        if (rowZones.Count <= 1)
        {
            var zone = rows.Count == 0 ? TimeZoneInfo.Utc : ZoneOf(rows[0].Store);
            today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        }
        IReadOnlyList<(DateOnly?, int)> headings = Enumerable.Range(0, Days).Select(i => Days - 1 - i).Select(ago => (today?.AddDays(-ago), ago)).ToList();
        return new OperatorFailures(headings, rows);
    }

    private static TimeZoneInfo ZoneOf(StoreInfo? store) => StoreTime.Find(store?.TimeZone) ?? TimeZoneInfo.Utc;
}
