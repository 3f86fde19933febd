namespace FleetOps.Web.Api;

/// <summary><c>201 { "id" }</c> of a new user: Identity's id, a string.</summary>
public sealed record CreatedUser(string Id);
