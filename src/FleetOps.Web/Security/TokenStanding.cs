namespace FleetOps.Web.Security;

/// <summary>
/// Where an API token stands at a moment, as its owner's and the administrators' pages show it. The order is the order in
/// which they are judged: a revoked token is revoked whatever its expiry, an expired one is expired whoever owns it.
/// </summary>
public enum TokenStanding
{
    /// <summary>Works, and does not expire within <see cref="ApiTokenInfo.SoonBefore"/>.</summary>
    Active,

    /// <summary>Works, but expires within <see cref="ApiTokenInfo.SoonBefore"/>: whatever uses it needs a new one soon.</summary>
    ExpiresSoon,

    /// <summary>Neither revoked nor expired, but refused while its owner's account is disabled (and works again if enabled).</summary>
    OwnerDisabled,

    /// <summary>Stopped working by itself at its expiry.</summary>
    Expired,

    /// <summary>Revoked by its owner or an administrator: refused for good.</summary>
    Revoked,
}
