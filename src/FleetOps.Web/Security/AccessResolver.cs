using System.Security.Claims;
using FleetOps.Core.Access;

namespace FleetOps.Web.Security;

/// <summary>Turns a signed-in principal (cookie, API token or bootstrap token) into what it may see.</summary>
public sealed class AccessResolver(UserDirectory users)
{
    public const string BootstrapName = "bootstrap-token";

    public UserAccess? User(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true ? users.Get(principal.FindFirstValue(ClaimTypes.NameIdentifier)) : null;

    public AccessScope Scope(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return AccessScope.Nothing;
        if (IsBootstrap(principal)) return AccessScope.All;
        return User(principal)?.Scope ?? AccessScope.Nothing;
    }

    public bool IsAdministrator(ClaimsPrincipal principal) =>
        IsBootstrap(principal) || User(principal) is { Disabled: false, IsAdministrator: true };

    /// <summary>Who did it, for the audit log.</summary>
    public string ActorName(ClaimsPrincipal principal) =>
        IsBootstrap(principal) ? BootstrapName : User(principal)?.Email ?? principal.Identity?.Name ?? "anonymous";

    /// <summary>Whether the request came with the bootstrap token from configuration (not a person's API token).</summary>
    public static bool IsBootstrap(ClaimsPrincipal principal) =>
        principal.Identity?.AuthenticationType == ApiTokenAuthenticationHandler.SchemeName
        && principal.FindFirstValue(ClaimTypes.Name) == BootstrapName;
}
