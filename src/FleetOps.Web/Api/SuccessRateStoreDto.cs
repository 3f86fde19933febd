namespace FleetOps.Web.Api;

/// <summary>One store's totals over the window of the success-rate answer.</summary>
public sealed record SuccessRateStoreDto(string StoreCode, string? Name, string? Region, SaleCountsDto Sales);
