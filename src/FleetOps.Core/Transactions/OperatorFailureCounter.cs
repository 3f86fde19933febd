using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Transactions;

/// <summary>
/// Operator-caused failures (<see cref="OperatorFailure"/>: sales left incomplete without a power loss, still open or
/// voided or reversed since) per store and per local day of the authorisation, for the last <paramref name="days"/> days
/// (the worklist: <see cref="OperatorFailures.DayCount"/>; training's targeting: 30), as sales are offered one by one (the
/// page walks the book once). The counting itself is <see cref="SaleCounter"/>'s, shared with the success rate; the
/// failed sales offered whole are kept as the evidence (<see cref="Sales"/>).
/// </summary>
public sealed class OperatorFailureCounter(FleetState fleet, StoreDirectory stores, DateTimeOffset now, DetectionOptions detection,
    int days = OperatorFailures.DayCount)
{
    // A day's margin before the first local day, whatever the store's time zone.
    private readonly DateTimeOffset _windowStart = now - TimeSpan.FromDays(days + 1);
    private readonly SaleCounter _counter = new(fleet, stores, now, detection);
    private readonly List<(TransactionRecord Record, string StoreCode)> _sales = [];

    /// <summary>The failed sales offered through <see cref="Offer"/> that were counted, in the order offered.</summary>
    public IReadOnlyList<(TransactionRecord Record, string StoreCode)> Sales => _sales;

    public void Offer(TransactionRecord record, string storeCode)
    {
        // Cheap tests first: only failures are read here.
        if (record.AuthorizedAt < _windowStart || record.Has(TransactionStage.Completed)) return;
        var sale = _counter.Offer(record, storeCode);
        if (sale.Counts.OperatorFailures > 0 && DayIndex(storeCode, sale.Day) >= 0) _sales.Add((record, storeCode));
    }

    /// <summary>Counts a sale already judged operator-caused (an open one the book's verdict calls incomplete); false when outside the days.</summary>
    public bool Count(string storeCode, DateTimeOffset authorizedAt)
    {
        if (authorizedAt < _windowStart) return false;
        _counter.CountFailure(storeCode, authorizedAt);
        return DayIndex(storeCode, _counter.DayOf(storeCode, authorizedAt)) >= 0;
    }

    /// <summary>Stores with the most first; the columns are dates when all listed stores share one time zone, else "days ago".</summary>
    public OperatorFailures Result()
    {
        var perStore = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var ((store, day), counts) in _counter.Tally.Days)
        {
            var index = DayIndex(store, day);
            if (counts.OperatorFailures == 0 || index < 0) continue;
            if (!perStore.TryGetValue(store, out var perDay)) perStore[store] = perDay = new int[days];
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
        IReadOnlyList<(DateOnly?, int)> headings = Enumerable.Range(0, days).Select(i => days - 1 - i).Select(ago => (today?.AddDays(-ago), ago)).ToList();
        return new OperatorFailures(headings, rows);
    }

    /// <summary>Day 0 is the oldest of the store's own last days; -1 for a day before them (the margin) or after today.</summary>
    private int DayIndex(string storeCode, DateOnly day)
    {
        var index = days - 1 - _counter.Today(storeCode).DayNumber + day.DayNumber;
        return index >= 0 && index < days ? index : -1;
    }

    private static TimeZoneInfo ZoneOf(StoreInfo? store) => StoreTime.Find(store?.TimeZone) ?? TimeZoneInfo.Utc;
}
