using FleetOps.Web.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;

namespace FleetOps.Web.Security;

/// <summary>Identity (users, roles, cookies), API tokens and the access services.</summary>
public static class IdentitySetup
{
    /// <summary>Schemes that may call the management API, the exports and the hub.</summary>
    public static readonly string[] ApiSchemes = [ApiTokenAuthenticationHandler.SchemeName, IdentityConstants.ApplicationScheme];

    public static IServiceCollection AddFleetIdentity(this IServiceCollection services)
    {
        services.AddScoped<FleetDbContext>(sp => sp.GetRequiredService<FleetDbContextFactory>().CreateDbContext());
        services.AddIdentityCore<FleetUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FleetDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Checked on every request (one indexed lookup): a password change ends the other sessions at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(ConfigureCookie));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddFleetPolicies();
        services.AddCascadingAuthenticationState();

        services.AddSingleton<UserDirectory>();
        services.AddSingleton<ApiTokenDirectory>();
        services.AddSingleton<AccessResolver>();
        services.AddSingleton<AuditLog>();
        services.AddScoped<UserAdministration>();
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
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(12);
        o.Events = new CookieAuthenticationEvents
        {
            // Disabled users are rejected on their very next request, whatever their cookie says.
            OnValidatePrincipal = context =>
            {
                var users = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
                if (users.Get(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier)) is not { Disabled: false })
                {
                    context.RejectPrincipal();
                    return context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
                // Identity's own check: a password change (new security stamp) ends the user's other sessions.
                return SecurityStampValidator.ValidatePrincipalAsync(context);
            },
            // Machines get status codes, browsers get the sign-in page.
            OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden),
        };
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
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
