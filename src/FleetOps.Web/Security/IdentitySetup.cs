using FleetOps.Web.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace FleetOps.Web.Security;

/// <summary>Identity (users, roles, cookies), API tokens and the access services.</summary>
public static class IdentitySetup
{
    /// <summary>Schemes that may call the management API, the exports and the hub.</summary>
    public static readonly string[] ApiSchemes = [ApiTokenAuthenticationHandler.SchemeName, IdentityConstants.ApplicationScheme];

    /// <summary>
    /// The sign-in page's <c>reason=</c> when the browser came with a session that has ended (signed out everywhere or the
    /// password changed on another device, or the account disabled), so the page says why instead of looking like a first
    /// visit. Open pages (<c>Shared/RedirectToSignIn</c>) send it too.
    /// </summary>
    public const string SessionEndedReason = "signed_out";

    /// <summary>Marks a request whose cookie <see cref="ValidateSessionAsync"/> refused, for the redirect to sign-in that follows.</summary>
    private static readonly object SessionEnded = new();

    public static IServiceCollection AddFleetIdentity(this IServiceCollection services)
    {
        services.AddScoped<FleetDbContext>(sp => sp.GetRequiredService<FleetDbContextFactory>().CreateDbContext());
        services.AddIdentityCore<FleetUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                // No per-account lockout: it would let anyone lock a known account out. Guessing is slowed per
                // address instead (SignInThrottle, after the per-address rate limit).
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<FleetIdentityErrors>()
            .AddEntityFrameworkStores<FleetDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Secure whenever the request is HTTPS; plain http (the demo on 127.0.0.1) keeps working.
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(ConfigureCookie));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddFleetPolicies();
        services.AddCascadingAuthenticationState();

        services.AddSingleton<UserDirectory>();
        services.AddSingleton<ApiTokenDirectory>();
        services.AddSingleton<SecurityStamps>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<AccessResolver>();
        services.AddSingleton<AuditLog>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<UserChanges>();
        services.AddScoped<AuthenticationStateProvider, FleetAuthenticationStateProvider>();
        services.AddScoped<CurrentAccess>();
        services.AddScoped<IdentitySeeder>();
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.LoginPath = "/account/signin";
        o.LogoutPath = "/account/signout";
        o.AccessDeniedPath = "/account/signin";
        o.Cookie.Name = "fleetops.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // Lax, not Strict: a link to a FleetOps page (in an e-mail, a chat) must open signed in.
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(12);
        o.Events = new CookieAuthenticationEvents
        {
            // Disabled users, and copies of a cookie whose session has ended (sign-out, password change), are
            // rejected on their very next request, whatever the cookie says.
            OnValidatePrincipal = ValidateSessionAsync,
            // Machines get status codes, browsers get the sign-in page.
            OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden),
        };
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (services.GetRequiredService<UserDirectory>().Get(userId) is { Disabled: false }
            && await services.GetRequiredService<SecurityStamps>().IsCurrentAsync(userId, context.Principal?.FindFirstValue(stampClaim), context.HttpContext.RequestAborted))
        {
            return;
        }
        context.HttpContext.Items[SessionEnded] = true;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/export"))
        {
            // These endpoints challenge both schemes in turn: the API token handler has already written its
            // problem response with the same status, and setting it again would throw.
            if (!context.Response.HasStarted) context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        // A refused cookie's browser is told why on the sign-in page; a first visit (no cookie, or an expired one) is not.
        context.Response.Redirect(context.HttpContext.Items.ContainsKey(SessionEnded)
            ? QueryHelpers.AddQueryString(context.RedirectUri, "reason", SessionEndedReason)
            : context.RedirectUri);
        return Task.CompletedTask;
    }
}
