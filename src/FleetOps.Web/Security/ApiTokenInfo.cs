using System.Globalization;
using FleetOps.Web.Persistence;

namespace FleetOps.Web.Security;

public sealed record ApiTokenInfo(
    int Id, string UserId, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>How long before its expiry a token is pointed out to its owner, so that they replace it before a script stops.</summary>
    public static readonly TimeSpan SoonBefore = TimeSpan.FromDays(7);

    /// <summary>The token as its row keeps it.</summary>
    public static ApiTokenInfo Of(ApiTokenRow r) =>
        new(r.Id, r.UserId, r.Name, r.Prefix, r.CreatedAt, r.RevokedAt, r.ExpiresAt) { RevokedBy = r.RevokedBy, ReplacedById = r.ReplacedById };

    /// <summary>Who revoked the token (an e-mail): its owner, or an administrator; null while it is not revoked.</summary>
    public string? RevokedBy { get; init; }

    /// <summary>The token a rotation replaced this one by; null unless it was rotated.</summary>
    public int? ReplacedById { get; init; }

    /// <summary>The token that replaced this one, found among <paramref name="tokens"/> (a page's list); null when none did.</summary>
    public ApiTokenInfo? SuccessorIn(IEnumerable<ApiTokenInfo> tokens) =>
        ReplacedById is { } id ? tokens.FirstOrDefault(t => t.Id == id) : null;

    /// <summary>How the audit log names the token: its name and prefix ("nightly export (fo_AbCdEfG…)"), never the secret.</summary>
    public string AuditTarget => $"{Name} ({Prefix}…)";

    /// <summary>The audit entry's words for how long a new token lasts, culture-free like the log's other details.</summary>
    public string AuditLifetime => ExpiresAt is { } expires
        ? $"expires {expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}"
        : "no expiry";

    /// <summary>Whether the token has stopped working by itself at <paramref name="now"/> (revoked or not).</summary>
    public bool HasExpired(DateTimeOffset now) => ExpiresAt <= now;

    /// <summary>Whether the token still works at <paramref name="now"/> but expires within <see cref="SoonBefore"/>.</summary>
    public bool ExpiresSoon(DateTimeOffset now) => ExpiresAt is { } at && at > now && at - now <= SoonBefore;

    /// <summary>
    /// Whether a search finds the token: part of its name or its owner's name or e-mail, or the start of its prefix (as the
    /// pages show it, "fo_AbCdEfG…"). No search finds every token.
    /// </summary>
    public bool Matches(string? search, UserAccess? owner)
    {
        if (string.IsNullOrWhiteSpace(search)) return true;
        return Name.Contains(search, StringComparison.CurrentCultureIgnoreCase)
            || Prefix.StartsWith(search.Trim().TrimEnd('…'), StringComparison.Ordinal)
            || (owner is not null && (owner.Email.Contains(search, StringComparison.OrdinalIgnoreCase)
                || owner.DisplayName.Contains(search, StringComparison.CurrentCultureIgnoreCase)));
    }

    /// <summary>Where the token stands at <paramref name="now"/>, given whether its owner's account is disabled.</summary>
    public TokenStanding StandingAt(DateTimeOffset now, bool ownerDisabled) =>
        RevokedAt is not null ? TokenStanding.Revoked
        : HasExpired(now) ? TokenStanding.Expired
        : ownerDisabled ? TokenStanding.OwnerDisabled
        : ExpiresSoon(now) ? TokenStanding.ExpiresSoon
        : TokenStanding.Active;
}
