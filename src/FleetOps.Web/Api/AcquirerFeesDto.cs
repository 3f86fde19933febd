namespace FleetOps.Web.Api;

/// <summary>An acquirer's fees in one currency: the total and per credited sale, in minor units.</summary>
public sealed record AcquirerFeesDto(string Currency, long TotalMinor, long PerSaleMinor);
