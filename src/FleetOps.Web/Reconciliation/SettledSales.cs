using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// Every settled sale of the reconciliation page's period, counted by the database per store-local settlement day and
/// acquirer (issue 16: the figures must count the sales no report has reached yet, without reading them). The day is
/// the store's, as the import's: one query per time zone, acquirer and stretch of constant UTC offset (usually one; two
/// across a daylight-saving change), grouping on (settled ms + offset) / one day. The same bounds as the import's window
/// (settled within two days of authorisation), so the (StoreCode, AuthorizedAtMs) index serves and a day's count is the
/// set of sales an import can judge.
/// </summary>
internal static class SettledSales
{
    private const long DayMs = 86_400_000;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    public static async Task<Dictionary<(DateOnly Day, string Acquirer), int>> CountAsync(FleetDbContext db, IEnumerable<StoreInfo> stores,
        DateOnly from, DateOnly through, CancellationToken cancellationToken)
    {
        var settled = TransactionStage.Settled.ToWire();
        var counts = new Dictionary<(DateOnly Day, string Acquirer), int>();
        foreach (var group in stores.Where(s => s.Acquirer is not null).GroupBy(s => (s.TimeZone, Acquirer: s.Acquirer!)))
        {
            var codes = group.Select(s => s.Code).ToList();
            foreach (var (startMs, endMs, offsetMs) in Stretches(StoreTime.Find(group.Key.TimeZone) ?? TimeZoneInfo.Utc, from, through))
            {
                var authorizedFromMs = startMs - 3 * DayMs;
                var days = await db.Transactions.AsNoTracking()
                    .Where(t => codes.Contains(t.StoreCode) && t.AuthorizedAtMs >= authorizedFromMs && t.AuthorizedAtMs < endMs && t.LastStage == settled
                                && t.SettledAtMs >= startMs && t.SettledAtMs < endMs)
                    .GroupBy(t => (t.SettledAtMs!.Value + offsetMs) / DayMs)
                    .Select(g => new { Day = g.Key, Count = g.Count() })
                    .ToListAsync(cancellationToken);
                foreach (var row in days)
                {
                    var day = DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)row.Day);
                    if (day < from || day > through) continue;
                    var key = (day, group.Key.Acquirer);
                    counts[key] = counts.GetValueOrDefault(key) + row.Count;
                }
            }
        }
        return counts;
    }

    /// <summary>
    /// The UTC stretches of constant offset that cover the local days <paramref name="from"/>..<paramref name="through"/>
    /// in <paramref name="zone"/> (from a day before to a day after in UTC: every zone's offset is within ±14 h). Offsets
    /// change on a quarter hour in every zone, so stepping by 15 minutes finds each change exactly.
    /// </summary>
    private static IEnumerable<(long StartMs, long EndMs, long OffsetMs)> Stretches(TimeZoneInfo zone, DateOnly from, DateOnly through)
    {
        var start = new DateTimeOffset(from.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(through.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var offset = zone.GetUtcOffset(start);
        for (var at = start + Step; at < end; at += Step)
        {
            var next = zone.GetUtcOffset(at);
            if (next == offset) continue;
            yield return (start.ToUnixTimeMilliseconds(), at.ToUnixTimeMilliseconds(), (long)offset.TotalMilliseconds);
            (start, offset) = (at, next);
        }
        yield return (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(), (long)offset.TotalMilliseconds);
    }
}
