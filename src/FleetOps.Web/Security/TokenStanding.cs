using System.Text.Json.Serialization;

namespace FleetOps.Web.Security;

/// <summary>
/// Where an API token stands at a moment, as its owner's and the administrators' pages show it and the tokens API names it
/// (<c>status</c>). The order is the order in which they are judged: a revoked token is revoked whatever its expiry, an
/// expired one is expired whoever owns it.
/// </summary>
public enum TokenStanding
{
    /// <summary>Works, and does not expire within <see cref="ApiTokenInfo.SoonBefore"/>.</summary>
    [JsonStringEnumMemberName("active")] Active,

    /// <summary>Works, but expires within <see cref="ApiTokenInfo.SoonBefore"/>: whatever uses it needs a new one soon.</summary>
    [JsonStringEnumMemberName("expires_soon")] ExpiresSoon,

    /// <summary>Neither revoked nor expired, but refused while its owner's account is disabled (and works again if enabled).</summary>
    [JsonStringEnumMemberName("owner_disabled")] OwnerDisabled,

    /// <summary>Stopped working by itself at its expiry.</summary>
    [JsonStringEnumMemberName("expired")] Expired,

    /// <summary>Revoked by its owner or an administrator: refused for good.</summary>
    [JsonStringEnumMemberName("revoked")] Revoked,
}
