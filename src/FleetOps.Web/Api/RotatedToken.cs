namespace FleetOps.Web.Api;

/// <summary>
/// The answer to a rotation: the new token (its secret <see cref="Token"/> shown this once, as on the tokens page) and the
/// id of the token it replaced, which is refused from now on.
/// </summary>
public sealed record RotatedToken(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Token,
    int Replaces);
