using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Transactions;

/// <summary>
/// The one place sales are counted per store and local day of their authorisation (the store's time zone, so a sale at
/// 23:59 Shanghai time counts on that day in Shanghai whatever the server's clock says): started, completed and
/// operator-caused failures (<see cref="OperatorFailure"/>). The unsettled-payments page's failure table and the success
/// rate both count through it. Short-lived: each terminal's power losses and each store's zone are looked up once per
/// counter, so make one per page build or per batch of changes.
/// </summary>
public sealed class SaleCounter(FleetState fleet, StoreDirectory stores, DateTimeOffset now, DetectionOptions options)
{
    private readonly Dictionary<string, IReadOnlyList<PowerLoss>> _losses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeZoneInfo> _zones = new(StringComparer.OrdinalIgnoreCase);

    public SaleDayTally Tally { get; } = new();

    /// <summary>
    /// What one sale adds to its store's day; nothing (a zero count) when it never reached the authorisation, or is still
    /// open within its completion timeout.
    /// </summary>
    public SaleDay Judge(TransactionRecord record, string storeCode)
    {
        var completed = record.Has(TransactionStage.Completed) || record.Has(TransactionStage.Settled);
        // A sale still open within its completion timeout is neither a success nor a failure yet. Counted as started, every
        // sale in progress drew its store's rate down (a demo chain read 45 % in its first minutes); it counts once it
        // completes, is undone, or its timeout passes — the book reports it again at that deadline.
        var decided = completed || record.IsClosed || now >= record.AuthorizedAt + TimeSpan.FromSeconds(options.CompletionTimeoutSeconds);
        // A completed sale was authorised even while its authorisation is still on its way in a backlog.
        var started = decided && (completed || record.Has(TransactionStage.Authorized));
        var failed = started && !completed && OperatorFailure.Was(record, LossesOf(record.TerminalId), now, options);
        var counts = started ? new SaleCounts(1, completed ? 1 : 0, failed ? 1 : 0) : default;
        return new SaleDay(storeCode, DayOf(storeCode, record.AuthorizedAt), counts);
    }

    /// <summary>Counts a sale in <see cref="Tally"/>.</summary>
    public SaleDay Offer(TransactionRecord record, string storeCode)
    {
        var sale = Judge(record, storeCode);
        Tally.Add(sale);
        return sale;
    }

    /// <summary>Counts a sale already judged an operator-caused failure (an open one the book's verdict calls incomplete).</summary>
    public void CountFailure(string storeCode, DateTimeOffset authorizedAt) =>
        Tally.Add(storeCode, DayOf(storeCode, authorizedAt), new SaleCounts(0, 0, 1));

    /// <summary>The store's local date of an instant (UTC for a store without a known zone).</summary>
    public DateOnly DayOf(string storeCode, DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, ZoneOf(storeCode)).DateTime);

    /// <summary>The store's date today.</summary>
    public DateOnly Today(string storeCode) => DayOf(storeCode, now);

    private TimeZoneInfo ZoneOf(string storeCode) => _zones.TryGetValue(storeCode, out var zone)
        ? zone
        : _zones[storeCode] = StoreTime.Find(stores.Get(storeCode)?.TimeZone) ?? TimeZoneInfo.Utc;

    private IReadOnlyList<PowerLoss> LossesOf(string terminalId) =>
        _losses.TryGetValue(terminalId, out var known) ? known : _losses[terminalId] = fleet.Get(terminalId)?.Power.LossSpans() ?? [];
}
