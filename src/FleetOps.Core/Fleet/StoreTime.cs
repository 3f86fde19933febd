using System.Globalization;

namespace FleetOps.Core.Fleet;

/// <summary>
/// The one time rule for what people read (issue 11): a store's times in the store's own time zone, always with the
/// offset, so a time read in Shanghai and one read in London can be told apart; several stores at once are counted in
/// the zone they share, else UTC (the overview, the money-at-risk days, an export of many stores).
/// </summary>
public static class StoreTime
{
    /// <summary>The zone of an IANA id (<c>Asia/Shanghai</c>); null when the id is missing or unknown to this machine.</summary>
    public static TimeZoneInfo? Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>The same instant in the store's own time zone (unchanged when the zone is unknown).</summary>
    public static DateTimeOffset ToZone(DateTimeOffset at, string? timeZone) =>
        Find(timeZone) is { } zone ? TimeZoneInfo.ConvertTime(at, zone) : at;

    /// <summary>The calendar day it is at <paramref name="at"/> in the store's own time zone.</summary>
    public static DateOnly Day(DateTimeOffset at, string? timeZone) => DateOnly.FromDateTime(ToZone(at, timeZone).DateTime);

    /// <summary>
    /// The zone the stores shown share — a store page, a chain in one country — so "yesterday" means the stores'
    /// yesterday; UTC when they are in several zones (or there are none).
    /// </summary>
    /// <param name="codes">The stores shown; null for every store.</param>
    public static TimeZoneInfo Common(StoreDirectory stores, IReadOnlySet<string>? codes)
    {
        var shown = codes is null ? stores.All : codes.Select(stores.Get).OfType<StoreInfo>();
        var ids = shown.Select(s => s.TimeZone).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return ids.Count == 1 && Find(ids[0]) is { } zone ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>
    /// <c>2026-11-30 14:05:09 +08:00</c>: the wall clock in <paramref name="zone"/> with its offset — culture-free, so a
    /// spreadsheet or a person reads it the same in every language, and unambiguous across a daylight-saving change.
    /// </summary>
    public static string Stamp(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
