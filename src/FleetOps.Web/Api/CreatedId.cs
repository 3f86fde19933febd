namespace FleetOps.Web.Api;

/// <summary><c>201 { "id" }</c>.</summary>
public sealed record CreatedId(long Id);
