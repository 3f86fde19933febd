using FleetOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FleetOps.E2E.Tests.Infrastructure;

/// <summary>All end-to-end classes run one after another: each starts its own app and browser, and two at once would starve a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class E2ECollection
{
    public const string Name = "E2E";
}

/// <summary>Someone who can sign in to the app under test.</summary>
public sealed record E2EUser(string Email, string Password, string Role);

/// <summary>
/// One app per test class, and browser contexts of its own in the run's one Chromium (<see cref="SharedChromium"/>). The
/// browser is Debian's Chromium (no browser download is possible here); when it is missing, every test fails with a message
/// that says how to install it, instead of skipping.
/// </summary>
public class E2EFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // The contexts this class opened: closed with the class, so no page of it keeps reconnecting to a server that is gone.
    private readonly List<IBrowserContext> _contexts = [];

    public const string UserPassword = "E2E-User-Passw0rd";

    private int _users;

    public E2EFixture() : this(new E2EApp())
    {
    }

    /// <summary>For a fixture whose app needs other settings (see <see cref="E2EApp(IReadOnlyDictionary{string, string})"/>).</summary>
    protected E2EFixture(E2EApp app) => App = app;

    public E2EApp App { get; }

    /// <summary>The first administrator, created by the app itself from <c>FleetOps:Bootstrap:AdminEmail</c>/<c>AdminPassword</c>.</summary>
    public static E2EUser Administrator { get; } = new(E2EApp.AdminEmail, E2EApp.AdminPassword, Roles.Administrator);
    public IBrowser Browser { get; private set; } = null!;
    public FleetOpsClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is required for the end-to-end tests but {ChromiumPath} does not exist. Install it with: apt-get update && apt-get install -y chromium");
        }
        App.Start();
        Api = new FleetOpsClient(App.BaseAddress);
        Browser = await SharedChromium.GetAsync();
    }

    /// <summary>
    /// Creates a user in the running app through its own <see cref="UserAdministration"/> (as an administrator
    /// would on the users page): Identity account, role, scope, and the in-memory directory the pages consult.
    /// </summary>
    public async Task<E2EUser> CreateUserAsync(string role, IEnumerable<string>? regions = null, IEnumerable<string>? stores = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Interlocked.Increment(ref _users)}@fleetops.e2e";
        await using var scope = App.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = await administration.CreateAsync(
            new UserDraft(email, $"{Roles.Title(role)} (e2e)", role, (regions ?? []).ToList(), (stores ?? []).ToList()),
            UserPassword, E2EApp.AdminEmail);
        Assert.True(result.Succeeded, $"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        return new E2EUser(email, UserPassword, role);
    }

    /// <summary>A fresh page (own context: no shared cookies or storage between tests).</summary>
    /// <param name="locale">The browser's locale (its Accept-Language and navigator.language), e.g. "zh-CN"; default: Chromium's own.</param>
    /// <param name="timeZone">The browser's IANA time zone (null: the machine's).</param>
    public async Task<IPage> NewPageAsync(string? locale = null, string? timeZone = null)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = locale,
            TimezoneId = timeZone,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh context on this class's app (<paramref name="options"/>' base address is set here), closed with the class.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        options.BaseURL = App.BaseAddress.ToString();
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(10_000);
        lock (_contexts) _contexts.Add(context);
        return context;
    }

    public async Task DisposeAsync()
    {
        List<IBrowserContext> contexts;
        lock (_contexts) contexts = [.. _contexts];
        foreach (var context in contexts) await context.CloseAsync();
        Api?.Dispose();
        await App.DisposeAsync();
    }
}
