using Microsoft.AspNetCore.Authentication;

namespace FleetOps.Web.Ingestion;

/// <summary>
/// Registers the terminal API's own authentication scheme. It lives with the terminal API, not with the people's
/// schemes in <see cref="Security.IdentitySetup"/>: security knows nothing of the doors that use it.
/// </summary>
public static class TerminalKeyScheme
{
    public static IServiceCollection AddTerminalKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, TerminalKeyAuthenticationHandler>(TerminalKeyAuthenticationHandler.SchemeName, null);
        return services;
    }
}
