namespace FleetOps.Web.Api;

/// <summary>One local day of the success-rate answer.</summary>
public sealed record SuccessRateDayDto(DateOnly Date, SaleCountsDto Sales);
