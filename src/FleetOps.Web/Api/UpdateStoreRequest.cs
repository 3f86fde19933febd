namespace FleetOps.Web.Api;

/// <summary>A store's changeable fields; its code is in the path and never changes.</summary>
public sealed record UpdateStoreRequest(string? Name, string? Region, string? TimeZone);
