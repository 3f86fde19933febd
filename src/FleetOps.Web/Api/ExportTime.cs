using System.Globalization;
using FleetOps.Core.Access;
using FleetOps.Core.Fleet;

namespace FleetOps.Web.Api;

/// <summary>
/// The one time rule of both CSV exports (issue 11). Beside each UTC cell, which machines and the acquirer read and
/// which stays as it is, the same moment as the row's store lives it: the store's wall clock with its offset. The file
/// is named by the clock of whoever opens it: the store's when the file is one store's, else the viewer's own zone
/// (<c>tz=</c>, sent by the pages from the browser), else the zone the stores in the viewer's scope share, else UTC
/// (the overview's rule). A row whose store is unknown falls back the same way.
/// </summary>
public sealed class ExportTime
{
    private readonly StoreDirectory _stores;
    private readonly AccessScope _scope;
    private readonly TimeZoneInfo _common;

    public ExportTime(StoreDirectory stores, AccessScope scope)
    {
        _stores = stores;
        _scope = scope;
        _common = StoreTime.Common(stores, scope.StoreCodes(stores));
    }

    /// <summary><c>2026-11-30 14:05:09 +08:00</c> in the zone of <paramref name="storeCode"/>; empty without a time.</summary>
    public string? InStore(DateTimeOffset? at, string storeCode) => at is { } time ? StoreTime.Stamp(time, ZoneOf(storeCode)) : null;

    /// <summary>
    /// <c>terminals-20261130-1405.csv</c>: local time without the offset, since a file name is for a person sorting
    /// their downloads.
    /// </summary>
    /// <param name="rowStores">The store of every exported row.</param>
    /// <param name="filterStores">The export's store filter (null: none); only stores the viewer may see count.</param>
    /// <param name="viewer">The viewer's zone (<c>tz=</c>), if sent.</param>
    public string FileName(string prefix, DateTimeOffset now, IEnumerable<string> rowStores, IEnumerable<string>? filterStores, TimeZoneInfo? viewer)
    {
        var rows = rowStores.Distinct(StringComparer.OrdinalIgnoreCase).Take(2).ToList();
        // No rows: the filter (or a scope of one store) still says whose file it is.
        var named = rows.Count > 0 ? rows
            : (filterStores ?? _scope.StoreCodes(_stores) ?? Enumerable.Empty<string>()).Where(code => _scope.AllowsStore(code, _stores)).Distinct(StringComparer.OrdinalIgnoreCase).Take(2).ToList();
        var zone = named.Count == 1 && StoreZone(named[0]) is { } store ? store : viewer ?? _common;
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{TimeZoneInfo.ConvertTime(now, zone):yyyyMMdd-HHmm}.csv");
    }

    private TimeZoneInfo ZoneOf(string storeCode) => StoreZone(storeCode) ?? _common;

    private TimeZoneInfo? StoreZone(string storeCode) => StoreTime.Find(_stores.Get(storeCode)?.TimeZone);
}
