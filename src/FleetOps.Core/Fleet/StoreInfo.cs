namespace FleetOps.Core.Fleet;

/// <summary>A store of the chain: its code, name, region and the time zone its days are counted in.</summary>
public sealed record StoreInfo(string Code, string Name, string Region, string TimeZone);
