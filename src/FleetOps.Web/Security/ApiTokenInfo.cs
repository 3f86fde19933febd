namespace FleetOps.Web.Security;

public sealed record ApiTokenInfo(
    int Id, string UserId, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>Whether the token has stopped working by itself at <paramref name="now"/> (revoked or not).</summary>
    public bool HasExpired(DateTimeOffset now) => ExpiresAt <= now;
}
