using FleetOps.Core.Fleet;

namespace FleetOps.Web.Components.Transactions;

/// <summary>
/// Where a money-at-risk trend's days end: at midnight in the stores' own time zone when the stores shown share one
/// (a store page, a chain in one country), so "yesterday" means the stores' yesterday; otherwise at midnight UTC.
/// </summary>
public static class TrendZone
{
    /// <param name="codes">The stores shown; null for every store.</param>
    public static TimeZoneInfo For(StoreDirectory stores, IReadOnlySet<string>? codes)
    {
        var shown = codes is null ? stores.All : codes.Select(stores.Get).OfType<StoreInfo>();
        var ids = shown.Select(s => s.TimeZone).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return ids.Count == 1 && TimeZoneInfo.TryFindSystemTimeZoneById(ids[0], out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
