namespace FleetOps.Core.Fleet;

/// <summary>
/// A store of the chain: its code, name, region and the time zone its days are counted in; and, when known, the acquirer
/// that credits its card sales and the merchant id that acquirer gave it (PROTOCOL §11: how settlement reports name it).
/// </summary>
public sealed record StoreInfo(string Code, string Name, string Region, string TimeZone, string? Acquirer = null, string? MerchantId = null);
