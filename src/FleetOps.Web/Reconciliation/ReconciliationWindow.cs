using FleetOps.Core.Access;
using FleetOps.Core.Fleet;

namespace FleetOps.Web.Reconciliation;

/// <summary>The last <c>days</c> days up to today in the reader's stores' common time zone (<see cref="StoreTime.Common"/>).</summary>
public static class ReconciliationWindow
{
    public static ReconciliationFilter Last(int days, DateTimeOffset now, StoreDirectory stores, AccessScope scope, string? acquirer, string? store)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, StoreTime.Common(stores, scope.StoreCodes(stores))).DateTime);
        return new ReconciliationFilter(today.AddDays(1 - days), today, acquirer, store);
    }
}
