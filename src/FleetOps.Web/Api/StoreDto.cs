using FleetOps.Core.Fleet;

namespace FleetOps.Web.Api;

public sealed record StoreDto(string Code, string Name, string Region, string TimeZone, string? Acquirer, string? MerchantId)
{
    public static StoreDto From(StoreInfo store) => new(store.Code, store.Name, store.Region, store.TimeZone, store.Acquirer, store.MerchantId);
}
