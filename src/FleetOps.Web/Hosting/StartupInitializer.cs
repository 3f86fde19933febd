using FleetOps.Web.Cases;
using FleetOps.Web.Fleet;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Runs before the server takes requests (hosted services start before Kestrel): applies the provider's
/// migrations, then rebuilds the in-memory fleet from the database. Logs each step's time, and the time from process start
/// until the server listens (after every other hosted service has started), so a slow start shows where it went.
/// </summary>
public sealed partial class StartupInitializer(
    FleetDbContextFactory databases,
    SqliteServerLock serverLock,
    FleetStateLoader loader,
    FleetOps.Web.Settings.ThresholdSettings thresholds,
    CaseService cases,
    FleetOps.Web.Alerts.AlertService alerts,
    IServiceScopeFactory scopes,
    UserDirectory users,
    ApiTokenDirectory tokens,
    KeyCertificate keyCertificate,
    KeyRingCertificateCheck keyRing,
    FleetOps.Web.Ingestion.ChangeFollower follower,
    ILogger<StartupInitializer> logger) : IHostedLifecycleService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Step(string name) { LogStep(name, watch.ElapsedMilliseconds); watch.Restart(); }
        LogStep("process start to initializer", SinceProcessStart());
        databases.EnsureDataDirectory();
        serverLock.Take(); // before anything reads or migrates the file another server may be running on
        // An operator's own file keeps its mode (a backup agent may read it through its group); said, not changed.
        if (databases.Options.SqliteFile is { } file && OwnerOnlyFile.OpenToOthers(file) is { } mode) LogDatabaseOpenToOthers(file, Convert.ToString((int)mode, 8));
        if (keyCertificate.SelfSignedPath is { } selfSigned) LogSelfSignedKeyCertificate(selfSigned);
        await using (var db = databases.CreateDbContext())
        {
            // Asking first is cheaper than MigrateAsync on an up-to-date database, which also builds and compares the
            // migrations' model (about a second on two cores); a missing (MigrateAsync creates it), fresh or outdated
            // database is migrated as before. One migrated by a newer build is refused before anything is written.
            var connects = await db.Database.CanConnectAsync(cancellationToken);
            var applied = connects ? (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList() : [];
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (applied.Where(m => !known.Contains(m)).ToList() is { Count: > 0 } unknown) throw new NewerDatabaseException(unknown);
            if (!connects || known.Except(applied).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            if (databases.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets pages read while the event writer writes; it is a property of the file, set once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        LogMigrated(databases.Provider);
        Step("migrate");
        await keyRing.CheckAsync(cancellationToken);
        // Before anything is loaded: other nodes' changes committed during the load are applied after it.
        await follower.MarkStartAsync(cancellationToken);
        // Saved thresholds first: the fleet's power history is loaded as far back as the window in force reaches.
        await thresholds.LoadAsync(cancellationToken);
        await loader.LoadAsync(cancellationToken);
        await cases.LoadAsync(cancellationToken);
        await alerts.LoadAsync(cancellationToken);
        Step("fleet, transactions, cases and alerts");
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync();
        }
        await users.LoadAsync(cancellationToken);
        await tokens.LoadAsync(cancellationToken);
        Step("identity, users, tokens");
        // Rebuilding the fleet allocates several times the state it keeps (EF rows, JSON, lookups). The GC keeps that
        // space committed for later allocations; at 100,000 terminals it is ~150 MB of RSS never needed again. One
        // aggressive collection hands it back to the operating system once, before the server takes traffic.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Step("memory returned");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up step {Step}: {Milliseconds} ms")]
    private partial void LogStep(string step, long milliseconds);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After every hosted service's start, the server listening: the rest of a start-up's time is theirs and Kestrel's.</summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        LogStep("process start to listening", SinceProcessStart());
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static long SinceProcessStart() =>
        (long)(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database file {Path} may be read by others than its owner (mode {Mode}); it holds "
        + "terminal key hashes, users and payment records: chmod 600 it (and its -wal and -shm) unless that is meant")]
    private partial void LogDatabaseOpenToOthers(string path, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private partial void LogMigrated(DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection keys are encrypted with the self-signed certificate {Path}, "
        + "made for this data folder only. Production should set FleetOps:DataProtection:CertificatePath (and CertificatePassword) "
        + "to one PFX shared by every node of the deployment.")]
    private partial void LogSelfSignedKeyCertificate(string path);
}
