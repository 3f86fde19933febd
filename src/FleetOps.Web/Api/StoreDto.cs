namespace FleetOps.Web.Api;

public sealed record StoreDto(string Code, string Name, string Region, string TimeZone);
