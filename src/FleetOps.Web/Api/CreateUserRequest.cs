namespace FleetOps.Web.Api;

/// <summary>
/// A new user (PROTOCOL §4b). Every field is optional here so that a missing one is a 400 naming it, not a binder failure;
/// the role is text, checked against its wire names, so that an unknown one (or a number) is refused by name.
/// </summary>
public sealed record CreateUserRequest(
    string? Email, string? DisplayName, string? Role, IReadOnlyList<string?>? Regions, IReadOnlyList<string?>? Stores, string? Password);
