namespace FleetOps.Web.Api;

/// <summary>One region's maintenance figures.</summary>
public sealed record KpiRegionDto(string Region, KpiFiguresDto Figures);
