using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FleetOps.E2E.Tests.Infrastructure;

/// <summary>
/// The real FleetOps app on a real Kestrel port on 127.0.0.1 (so a real browser can reach it), on its own SQLite
/// file, without the demo chain, with the bootstrap API token <see cref="ApiToken"/>, the first administrator
/// <see cref="AdminEmail"/> (created by the app at start, as on a real first start) and offline after
/// <see cref="OfflineAfterSeconds"/> seconds. Settings go through UseSetting: the app reads configuration before Build().
/// </summary>
public sealed class E2EApp : WebApplicationFactory<Program>
{
    public const string ApiToken = "e2e-token";
    public const string AdminEmail = "admin@fleetops.e2e";
    public const string AdminPassword = "E2E-Admin-Passw0rd";
    public const int OfflineAfterSeconds = 3;
    public const string Folder = "/tmp/fleetops-e2e";

    private readonly IReadOnlyDictionary<string, string> _settings;

    public E2EApp() : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">Settings on top of the defaults above, e.g. <c>FleetOps:Detection:CompletionTimeoutSeconds</c>.</param>
    public E2EApp(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DatabasePath { get; }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/ (set by <see cref="Start"/>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
                      ?? throw new InvalidOperationException($"Kestrel is not listening on 127.0.0.1: [{string.Join(", ", addresses)}]");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("FleetOps:Demo:Enabled", "false");
        builder.UseSetting("FleetOps:Bootstrap:ApiToken", ApiToken);
        builder.UseSetting("FleetOps:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("FleetOps:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("FleetOps:Database:Provider", "Sqlite");
        // The tests read English whatever the browser's locale; a language tour sets FleetOps:DefaultCulture or the locale.
        builder.UseSetting("FleetOps:DefaultCulture", "en");
        builder.UseSetting("ConnectionStrings:FleetOps", $"Data Source={DatabasePath}");
        builder.UseSetting("FleetOps:Detection:OfflineAfterSeconds", OfflineAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Alerts follow within a second, so a test waits for the page, not for the evaluator's production pace (5 s).
        builder.UseSetting("FleetOps:Alerts:EvaluateSeconds", "1");
        // Every browser test signs in from 127.0.0.1: the suite's bursts passed the production limit of 10 sign-ins a minute
        // per address and a test met 429 instead of the overview. The limit itself is tested in SignInRateLimitTests.
        builder.UseSetting("FleetOps:RateLimits:SignInPerMinute", "1000");
        // Quiet test output, and the rolling log file beside the databases instead of in the test's bin folder.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Folder, "logs", "fleetops-.log"));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm", DatabasePath + ".lock" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
    }
}
