namespace FleetOps.Web.Persistence;

/// <summary>A management API token: only its SHA-256 hash is stored; it acts with its owner's role and scope.</summary>
public sealed class ApiTokenRow
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so a person can tell their tokens apart.</summary>
    public required string Prefix { get; set; }
    public required byte[] Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The e-mail of whoever revoked the token (its owner or an administrator); null for tokens revoked before it was kept.</summary>
    public string? RevokedBy { get; set; }

    /// <summary>
    /// The token that replaced this one when a script rotated it (<c>POST /api/v1/tokens/current/rotate</c>); null for a
    /// token revoked by hand, one still live, and tokens rotated before the link was kept.
    /// </summary>
    public int? ReplacedById { get; set; }

    /// <summary>When the token stops working by itself; null for one made to work until revoked (every token made before expiry existed).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When its owner was mailed that it expires soon; null while not (or never to be) mailed. Set with the mail's queueing.</summary>
    public DateTimeOffset? ExpiryMailedAt { get; set; }
}
