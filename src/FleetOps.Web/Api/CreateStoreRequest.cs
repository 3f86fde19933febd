namespace FleetOps.Web.Api;

public sealed record CreateStoreRequest(string? Code, string? Name, string? Region, string? TimeZone);
