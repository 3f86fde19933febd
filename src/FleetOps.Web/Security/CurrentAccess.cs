using System.Security.Claims;
using FleetOps.Core.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace FleetOps.Web.Security;

/// <summary>What the current circuit's user may see; components ask this instead of reading claims.</summary>
public sealed class CurrentAccess(AuthenticationStateProvider authentication, AccessResolver resolver)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<AccessScope> ScopeAsync() => resolver.Scope(await PrincipalAsync());

    public async Task<bool> IsAdministratorAsync() => resolver.IsAdministrator(await PrincipalAsync());

    public async Task<UserAccess?> UserAsync() => resolver.User(await PrincipalAsync());

    /// <summary>Who did it, for the audit log and case trails: the same naming as the API's (<see cref="AccessResolver.ActorName"/>).</summary>
    public async Task<string> ActorNameAsync() => resolver.ActorName(await PrincipalAsync());
}
