using System.Net;
using System.Net.Http.Json;
using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Access;

/// <summary>FleetOps:Bootstrap:AdminEmail / AdminPassword create the first administrator when no user exists yet.</summary>
public sealed class BootstrapAdministratorTests : IAsyncLifetime
{
    private const string Email = "first.admin@fleetops.test";
    private const string Password = "First-Admin-Pass-2026";
    private readonly List<FleetOpsApp> _apps = [];
    private readonly string _database = FleetOpsApp.NewDatabasePath();

    [Fact]
    public async Task First_administrator_signs_in_and_administers_and_the_bootstrap_token_keeps_working()
    {
        var app = Start(Email, Password);
        using var browser = app.CreateBrowser();

        await browser.SignInAsync(new TestUser("", Email, Password, Roles.Administrator));

        var user = Assert.Single(app.GetService<UserDirectory>().All);
        Assert.Equal((Email, Roles.Administrator, false), (user.Email, user.Role, user.Disabled));
        using var created = await browser.PostAsJsonAsync("/api/v1/stores", new { code = "B1", name = "Bootstrapped", region = "East", timeZone = "Asia/Shanghai" });
        await Expect.StatusAsync(created, HttpStatusCode.Created);
        using var token = app.CreateAdminClient();
        var stores = await Expect.JsonObjectAsync(await token.GetAsync("/api/v1/stores"));
        Assert.Contains(stores["items"]!.AsArray(), s => s!["code"]!.GetValue<string>() == "B1");
        Assert.Single(await app.AuditAsync(AuditActions.UserCreated), r => r.Actor == "bootstrap" && r.Target == Email);
        Assert.Single(await app.AuditAsync(AuditActions.StoreCreated), r => r.Actor == Email && r.Target == "B1");
    }

    [Fact]
    public async Task Bootstrap_settings_create_nobody_once_a_user_exists()
    {
        await using (var first = Start(Email, Password, deleteOnDispose: false))
        {
            Assert.Single(first.GetService<UserDirectory>().All);
        }
        _apps.Clear();

        var second = Start("second.admin@fleetops.test", "Second-Admin-Pass-2026");

        Assert.Equal(new[] { Email }, second.GetService<UserDirectory>().All.Select(u => u.Email));
        using var browser = second.CreateBrowser();
        using var refused = await browser.PostSignInAsync("second.admin@fleetops.test", "Second-Admin-Pass-2026");
        Assert.StartsWith("/account/signin?error=invalid", Browser.LocationOf(refused), StringComparison.Ordinal);
        using var token = second.CreateAdminClient();
        await Expect.StatusAsync(await token.GetAsync("/api/v1/terminals"), HttpStatusCode.OK);
    }

    private FleetOpsApp Start(string email, string password, bool deleteOnDispose = true)
    {
        var app = FleetOpsApp.Create(new FleetOpsAppOptions
        {
            DatabasePath = _database,
            DeleteDatabaseOnDispose = deleteOnDispose,
            Settings = new Dictionary<string, string?>
            {
                ["FleetOps:Bootstrap:AdminEmail"] = email,
                ["FleetOps:Bootstrap:AdminPassword"] = password,
            },
        });
        _apps.Add(app);
        _ = app.Services; // starts the app: migrations and the seeding run before it serves
        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        FleetOpsApp.DeleteDatabase(_database);
    }
}
