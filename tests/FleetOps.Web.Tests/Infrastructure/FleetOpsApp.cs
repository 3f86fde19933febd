using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>How one <see cref="FleetOpsApp"/> is started.</summary>
public sealed record FleetOpsAppOptions
{
    /// <summary>Extra settings, as "FleetOps:Detection:OfflineAfterSeconds" or "FleetOps__Detection__OfflineAfterSeconds".</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Replaces the app's <see cref="TimeProvider"/>. Background timers then tick only when it is advanced.</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>An existing database file to open (e.g. the file of an app that was stopped); null for a new one.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Whether disposing the app deletes its database file (with -wal and -shm).</summary>
    public bool DeleteDatabaseOnDispose { get; init; } = true;

    /// <summary>The hosting environment: Production by default, so the tests see what a deployment answers.</summary>
    public string Environment { get; init; } = "Production";

    /// <summary>Replaces services after the app's own wiring (e.g. an election lock the test hands out itself).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }
}

/// <summary>
/// FleetOps in memory (TestServer) on its own SQLite file under /tmp/fleetops-tests, with the demo chain off and
/// the bootstrap administrator token <see cref="AdminToken"/>. Settings go through UseSetting, because the app reads
/// configuration before Build() and values added with ConfigureAppConfiguration come too late.
/// </summary>
public class FleetOpsApp : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token";
    public const string DatabaseFolder = "/tmp/fleetops-tests";

    /// <summary>
    /// Program.cs sets Serilog's static bootstrap logger and AddSerilog freezes whichever one is static when the host
    /// resolves its logger: two apps building at once would both freeze the same one ("The logger is already frozen").
    /// So apps are built and started one at a time (they still serve requests in parallel).
    /// </summary>
    private static readonly Lock StartGate = new();

    private readonly FleetOpsAppOptions _options;
    private readonly SemaphoreSlim _defaultStoreGate = new(1, 1);
    private string? _defaultStore;

    public FleetOpsApp() : this(new FleetOpsAppOptions())
    {
    }

    /// <summary>Protected so that xUnit sees one public constructor; other callers use <see cref="Create"/>.</summary>
    protected FleetOpsApp(FleetOpsAppOptions options)
    {
        _options = options;
        Directory.CreateDirectory(DatabaseFolder);
        DatabasePath = options.DatabasePath ?? Path.Combine(DatabaseFolder, $"{Guid.NewGuid():N}.db");
    }

    /// <summary>An app started with <paramref name="options"/> (a fake clock, extra settings, an existing database file).</summary>
    public static FleetOpsApp Create(FleetOpsAppOptions options) => new(options);

    /// <summary>A new database file path under <see cref="DatabaseFolder"/> (for apps that share one file in turn).</summary>
    public static string NewDatabasePath()
    {
        Directory.CreateDirectory(DatabaseFolder);
        return Path.Combine(DatabaseFolder, $"{Guid.NewGuid():N}.db");
    }

    public string DatabasePath { get; }

    public string ConnectionString => $"Data Source={DatabasePath}";

    public FakeTimeProvider? Clock => _options.Clock;

    /// <summary>A client with the bootstrap administrator token.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", AdminToken);
        return client;
    }

    public T GetService<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A store that tests which do not care about stores register their terminals in (created once).</summary>
    public async Task<string> DefaultStoreAsync()
    {
        if (_defaultStore is not null) return _defaultStore;
        await _defaultStoreGate.WaitAsync();
        try
        {
            _defaultStore ??= await this.CreateStoreAsync(Ids.New("S"));
            return _defaultStore;
        }
        finally
        {
            _defaultStoreGate.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_options.Environment);
        builder.UseSetting("ConnectionStrings:FleetOps", ConnectionString);
        builder.UseSetting("FleetOps:Database:Provider", "Sqlite");
        builder.UseSetting("FleetOps:Demo:Enabled", "false");
        builder.UseSetting("FleetOps:Bootstrap:ApiToken", AdminToken);
        // The tests read English; tests about language set FleetOps:DefaultCulture or send Accept-Language themselves.
        builder.UseSetting("FleetOps:DefaultCulture", "en");
        foreach (var (key, value) in _options.Settings)
        {
            builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
        }
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
        if (_options.TestServices is { } testServices) builder.ConfigureTestServices(testServices);
        if (_options.Clock is { } clock)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            });
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (StartGate)
        {
            return base.CreateHost(builder);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _defaultStoreGate.Dispose();
        if (_options.DeleteDatabaseOnDispose) DeleteDatabase(DatabasePath);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Deletes a database file and its WAL companions, after closing the pooled connections that hold them — this file's
    /// pool only: clearing every pool in the process pulls connections from under the tests running in parallel.
    /// </summary>
    public static void DeleteDatabase(string path)
    {
        using (var pooled = new SqliteConnection($"Data Source={path}")) SqliteConnection.ClearPool(pooled);
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".lock" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
    }
}

/// <summary>Unique ids, so tests sharing one app never see each other's terminals or stores.</summary>
public static class Ids
{
    /// <summary>
    /// Unique, and never a run of 13 or more digits: with plain hex an id now and then was a Luhn-valid digit run, which the
    /// card-number guard rightly refuses. The 16 hex digits are spelled with the letters a–p instead.
    /// </summary>
    public static string New(string prefix) =>
        $"{prefix}-{string.Concat(Guid.NewGuid().ToString("N")[..16].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))))}"[..Math.Min(prefix.Length + 17, 64)];
}
