using System.Text.Json.Serialization;

namespace FleetOps.Web.Security;

/// <summary>
/// A user's role as the Users API spells it (PROTOCOL §4b). Identity keeps the <see cref="Roles"/> names; this enumeration
/// exists so the wire spelling sits in the one table of wire names (<c>WireNames</c>) beside every other enumeration.
/// </summary>
public enum UserRole
{
    [JsonStringEnumMemberName("administrator")] Administrator,
    [JsonStringEnumMemberName("regional_manager")] RegionalManager,
    [JsonStringEnumMemberName("store_manager")] StoreManager,
    [JsonStringEnumMemberName("technician")] Technician,
}
