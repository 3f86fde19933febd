namespace FleetOps.Web.Security;

public sealed record ApiTokenInfo(int Id, string UserId, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
