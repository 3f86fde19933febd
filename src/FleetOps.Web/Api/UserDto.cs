using FleetOps.Web.Security;

namespace FleetOps.Web.Api;

/// <summary>
/// A user as the Users API lists it: what the users page shows, nothing secret (no password hash, no security stamp).
/// An administrator's regions and stores are empty: they see every store.
/// </summary>
public sealed record UserDto(string Id, string Email, string DisplayName, UserRole Role, IReadOnlyList<string> Regions, IReadOnlyList<string> Stores,
    bool Disabled)
{
    public static UserDto From(UserAccess user) =>
        new(user.UserId, user.Email, user.DisplayName, Roles.WireRole(user.Role), user.Regions, user.Stores, user.Disabled);
}
