using FleetOps.Web.Security;

namespace FleetOps.Web.Api;

/// <summary>
/// An API token as the tokens API lists it: what the tokens pages show — never the secret, which exists only in the answer
/// that made it. <c>prefix</c> is its first characters ("fo_AbCdEfG"), by which a person tells their tokens apart.
/// <c>replacedBy</c> is the id of the token a rotation replaced this one by (null unless rotated).
/// </summary>
public sealed record ApiTokenDto(int Id, string Name, string Prefix, string OwnerId, string? OwnerEmail, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, TokenStanding Status, DateTimeOffset? RevokedAt, string? RevokedBy, int? ReplacedBy)
{
    public static ApiTokenDto From(ApiTokenInfo token, UserAccess? owner, DateTimeOffset now) =>
        new(token.Id, token.Name, token.Prefix, token.UserId, owner?.Email, token.CreatedAt, token.ExpiresAt,
            token.StandingAt(now, owner?.Disabled == true), token.RevokedAt, token.RevokedBy, token.ReplacedById);
}
