using FleetOps.Core.Access;

namespace FleetOps.Web.Security;

/// <summary>What FleetOps needs to know about a user on every request, kept in memory.</summary>
public sealed record UserAccess(
    string UserId, string Email, string DisplayName, string Role, bool Disabled,
    IReadOnlyList<string> Regions, IReadOnlyList<string> Stores)
{
    /// <summary>The language the user chose ("zh-CN", "en"); null until they choose.</summary>
    public string? Culture { get; init; }

    /// <summary>The language of the page they last signed in from; see <see cref="Persistence.FleetUser.SignInCulture"/>.</summary>
    public string? SignInCulture { get; init; }

    /// <summary>
    /// The language to write to them in where no page asks (mail, calendar entries): the one they chose, else the one they
    /// last signed in with; null when neither, for the server's default.
    /// </summary>
    public string? WrittenCulture => Culture ?? SignInCulture;

    public bool IsAdministrator => Role == Roles.Administrator;

    public AccessScope Scope => Disabled ? AccessScope.Nothing
        : IsAdministrator ? AccessScope.All
        : AccessScope.Of(Regions, Stores);
}
