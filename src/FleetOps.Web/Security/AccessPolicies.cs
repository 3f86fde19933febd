using Microsoft.AspNetCore.Authorization;

namespace FleetOps.Web.Security;

/// <summary>
/// Authorization policies. Roles are read from <see cref="UserDirectory"/> at the time of the request, not from
/// the sign-in cookie, so a role change or a disable applies at once.
/// </summary>
public static class AccessPolicies
{
    public const string SignedIn = "signed-in";
    public const string Administrator = "administrator";

    public static AuthorizationBuilder AddFleetPolicies(this AuthorizationBuilder builder) => builder
        // Disabled users never get this far: the cookie and token handlers reject them.
        .AddPolicy(SignedIn, p => p.AddAuthenticationSchemes(IdentitySetup.ApiSchemes).RequireAuthenticatedUser())
        .AddPolicy(Administrator, p => p.AddAuthenticationSchemes(IdentitySetup.ApiSchemes).RequireAuthenticatedUser()
            .RequireAssertion(c => Resolver(c).IsAdministrator(c.User)));

    private static AccessResolver Resolver(AuthorizationHandlerContext context) => context.Resource switch
    {
        HttpContext http => http.RequestServices.GetRequiredService<AccessResolver>(),
        Microsoft.AspNetCore.SignalR.HubInvocationContext hub => hub.ServiceProvider.GetRequiredService<AccessResolver>(),
        _ => throw new InvalidOperationException("Access policies are evaluated for HTTP requests and hub calls only."),
    };
}
