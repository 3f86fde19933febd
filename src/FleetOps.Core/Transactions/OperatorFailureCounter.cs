using System.Globalization;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Transactions;

/// <summary>
/// Counts operator-caused failures (<see cref="OperatorFailure"/>: sales left incomplete without a power loss, still open
/// or voided or reversed since) per store and per local day of the authorisation, for the last
/// <paramref name="days"/> days (the worklist: <see cref="OperatorFailures.DayCount"/>; training's targeting: 30), as sales are
/// offered one by one (the page walks the book once). The sales offered whole are kept as the evidence (<see cref="Sales"/>).
/// </summary>
public sealed class OperatorFailureCounter(FleetState fleet, StoreDirectory stores, DateTimeOffset now, DetectionOptions detection,
    int days = OperatorFailures.DayCount)
{

    // A day's margin before the first local day, whatever the store's time zone.
    private readonly DateTimeOffset _windowStart = now - TimeSpan.FromDays(days + 1);
    private readonly Dictionary<string, IReadOnlyList<PowerLoss>> _losses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset[]> _dayStarts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int[]> _perStore = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(TransactionRecord Record, string StoreCode)> _sales = [];

    /// <summary>The failed sales offered through <see cref="Offer"/> that were counted, in the order offered.</summary>
    public IReadOnlyList<(TransactionRecord Record, string StoreCode)> Sales => _sales;

    public void Offer(TransactionRecord record, string storeCode)
    {
        // Cheap tests first; each terminal's power losses are worked out once.
        if (record.AuthorizedAt < _windowStart || record.Has(TransactionStage.Completed)) return;
        if (!OperatorFailure.Was(record, LossesOf(record.TerminalId), now, detection)) return;
        if (Count(storeCode, record.AuthorizedAt)) _sales.Add((record, storeCode));
    }

    /// <summary>Counts a sale already judged operator-caused (an open one the book's verdict calls incomplete); false when outside the days.</summary>
    public bool Count(string storeCode, DateTimeOffset authorizedAt)
    {
        if (authorizedAt < _windowStart) return false;
        if (!_dayStarts.TryGetValue(storeCode, out var starts)) _dayStarts[storeCode] = starts = DayStarts(ZoneOf(stores.Get(storeCode)));
        // The local day of the authorisation: the last day that started at or before it (before the first: not counted).
        var day = starts.Length - 1;
        while (day >= 0 && starts[day] > authorizedAt) day--;
        if (day < 0) return false;
        if (!_perStore.TryGetValue(storeCode, out var perDay)) _perStore[storeCode] = perDay = new int[days];
        perDay[day]++;
        return true;
    }

    /// <summary>Stores with the most first; the columns are dates when all listed stores share one time zone, else "days ago".</summary>
    public OperatorFailures Result()
    {
        var rows = _perStore.Select(s => new OperatorFailureRow(s.Key, stores.Get(s.Key), s.Value))
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

    private IReadOnlyList<PowerLoss> LossesOf(string terminalId) =>
        _losses.TryGetValue(terminalId, out var known) ? known : _losses[terminalId] = fleet.Get(terminalId)?.Power.LossSpans() ?? [];

    /// <summary>When each of the last local days began (oldest first), as instants.</summary>
    private DateTimeOffset[] DayStarts(TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return Enumerable.Range(0, days).Select(i =>
        {
            var midnight = today.AddDays(i - (days - 1)).ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        }).ToArray();
    }

    // .NET caches the system time zones it has found: no cache of our own.
    private static TimeZoneInfo ZoneOf(StoreInfo? store) =>
        store?.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
