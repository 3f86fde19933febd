using System.Text.Json.Serialization;

namespace FleetOps.Web.Security;

/// <summary>
/// Which tokens the administrators' tokens page and the tokens API list (<c>?status=</c>). By default those that are neither
/// revoked nor expired: the ones a revoke still acts on, a disabled owner's included (they work again when the owner is
/// enabled).
/// </summary>
public enum TokenFilter
{
    [JsonStringEnumMemberName("valid")] Valid,
    [JsonStringEnumMemberName("expiring")] Expiring,
    [JsonStringEnumMemberName("owner_disabled")] OwnerDisabled,
    [JsonStringEnumMemberName("expired")] Expired,
    [JsonStringEnumMemberName("revoked")] Revoked,
    [JsonStringEnumMemberName("all")] All,
}
