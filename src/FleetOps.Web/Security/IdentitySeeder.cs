using FleetOps.Web.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Security;

/// <summary>
/// At start-up: makes sure the four roles exist and, when no user exists yet, creates the first administrator
/// from <c>FleetOps:Bootstrap:AdminEmail</c> / <c>AdminPassword</c>.
/// </summary>
public sealed partial class IdentitySeeder(
    RoleManager<IdentityRole> roles,
    UserManager<FleetUser> userManager,
    UserAdministration administration,
    IOptions<BootstrapOptions> bootstrap,
    ILogger<IdentitySeeder> logger)
{
    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        var settings = bootstrap.Value;
        if (userManager.Users.Any() || string.IsNullOrWhiteSpace(settings.AdminEmail) || string.IsNullOrWhiteSpace(settings.AdminPassword))
        {
            return;
        }
        var result = await administration.CreateAsync(
            new UserDraft(settings.AdminEmail, "Administrator", Roles.Administrator, [], []), settings.AdminPassword, "bootstrap");
        if (result.Succeeded) LogCreated(settings.AdminEmail);
        else LogFailed(settings.AdminEmail, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "First administrator {Email} created from FleetOps:Bootstrap")]
    private partial void LogCreated(string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not create the first administrator {Email}: {Errors}")]
    private partial void LogFailed(string email, string errors);
}
