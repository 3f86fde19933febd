using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetOps.Components.Tests.Infrastructure;

/// <summary>
/// The people of one test: an in-memory <see cref="UserDirectory"/> over the test's database, and user creation
/// through the app's own <see cref="UserAdministration"/> (Identity account, role, scope rows, directory refresh,
/// audit line). Users are created in a small service provider of their own that shares the directory, the
/// database and the clock with the bUnit context, so creating a user never builds the bUnit provider (a test
/// may still add services afterwards).
/// </summary>
public sealed class TestUsers(FleetDbContextFactory databases, TimeProvider time) : IAsyncDisposable
{
    /// <summary>Every test user's password (the app's rules: 10+ characters, upper, lower, digit).</summary>
    public const string Password = "Component-Test-2026";

    /// <summary>The first administrator, present in every test database (seeded once into the template).</summary>
    public const string AdministratorEmail = "admin@fleetops.test";

    private ServiceProvider? _services;
    private int _created;

    public UserDirectory Directory { get; } = new(databases, time, NullLogger<UserDirectory>.Instance);

    /// <summary>The seeded first administrator.</summary>
    public UserAccess Administrator => Find(AdministratorEmail)
        ?? throw new InvalidOperationException("The administrator is missing: was the directory loaded?");

    public UserAccess? Find(string email) =>
        Directory.All.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the users of the database into <see cref="Directory"/> (the app does this at start-up).</summary>
    public Task LoadAsync() => Directory.LoadAsync();

    /// <summary>
    /// Creates a user with <paramref name="role"/> (see <see cref="Roles"/>) and the given scope, as an administrator
    /// would on the users page, and returns them as the directory knows them.
    /// </summary>
    public async Task<UserAccess> CreateAsync(string role, IEnumerable<string>? regions = null, IEnumerable<string>? stores = null,
        string? email = null, string? displayName = null)
    {
        var n = Interlocked.Increment(ref _created);
        email ??= $"{role.ToLowerInvariant()}-{n}@fleetops.test";
        displayName ??= $"{Roles.Title(role)} {n}";
        await using var scope = Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = await administration.CreateAsync(
            new UserDraft(email, displayName, role, (regions ?? []).ToList(), (stores ?? []).ToList()), Password, AdministratorEmail);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        return Find(email) ?? throw new InvalidOperationException($"{email} was created but is not in the directory.");
    }

    /// <summary>Changes a user's role and scope, as an administrator would.</summary>
    public async Task<UserAccess> UpdateAsync(UserAccess user, string role, IEnumerable<string>? regions = null, IEnumerable<string>? stores = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().UpdateAsync(user.UserId,
            new UserDraft(user.Email, user.DisplayName, role, (regions ?? []).ToList(), (stores ?? []).ToList()), AdministratorEmail);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return Directory.Get(user.UserId)!;
    }

    /// <summary>Saves a language for a user: as chosen in the user menu, or (<paramref name="chosen"/> false) as the one they signed in with.</summary>
    public async Task<UserAccess> SetLanguageAsync(UserAccess user, string culture, bool chosen = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = chosen ? await administration.SetCultureAsync(user.UserId, culture) : await administration.SetSignInCultureAsync(user.UserId, culture);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return Directory.Get(user.UserId)!;
    }

    /// <summary>Disables (or enables) a user, as an administrator would.</summary>
    public async Task<UserAccess> SetDisabledAsync(UserAccess user, bool disabled)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserAdministration>().SetDisabledAsync(user.UserId, disabled, AdministratorEmail);
        return Directory.Get(user.UserId)!;
    }

    private ServiceProvider Services => _services ??= Build(databases, Directory, time);

    /// <summary>
    /// The app's identity and access services (<see cref="IdentitySetup.AddFleetIdentity"/>) over the given database,
    /// directory and clock, with a cheap password hash. Used for the bUnit context too.
    /// </summary>
    public static IServiceCollection AddFleetAccess(IServiceCollection services, FleetDbContextFactory databases, UserDirectory directory, TimeProvider time)
    {
        services.AddLogging();
        services.AddFleetIdentity();
        // PBKDF2 at the default 100,000 iterations costs more than the rest of a component test.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
        services.AddSingleton(databases);
        services.AddSingleton(directory);
        services.AddSingleton(time);
        return services;
    }

    private static ServiceProvider Build(FleetDbContextFactory databases, UserDirectory directory, TimeProvider time,
        Action<IServiceCollection>? configure = null)
    {
        var services = AddFleetAccess(new ServiceCollection(), databases, directory, time);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Migrates a fresh database and seeds it as the app does at first start (roles, first administrator).</summary>
    internal static async Task SeedTemplateAsync(FleetDbContextFactory databases)
    {
        await using (var db = databases.CreateDbContext())
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
        }
        await using var services = Build(databases, new UserDirectory(databases, TimeProvider.System, NullLogger<UserDirectory>.Instance), TimeProvider.System, s => s.Configure<BootstrapOptions>(o =>
        {
            o.AdminEmail = AdministratorEmail;
            o.AdminPassword = Password;
        }));
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }
}
