using FleetOps.Web.Cases;
using FleetOps.Web.Fleet;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Runs before the server takes requests (hosted services start before Kestrel): applies the provider's
/// migrations, then rebuilds the in-memory fleet from the database.
/// </summary>
public sealed partial class StartupInitializer(
    FleetDbContextFactory databases,
    FleetStateLoader loader,
    CaseService cases,
    IServiceScopeFactory scopes,
    UserDirectory users,
    ApiTokenDirectory tokens,
    KeyCertificate keyCertificate,
    ILogger<StartupInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        databases.EnsureDataDirectory();
        if (keyCertificate.SelfSignedPath is { } selfSigned) LogSelfSignedKeyCertificate(selfSigned);
        await using (var db = databases.CreateDbContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (databases.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets pages read while the event writer writes; it is a property of the file, set once.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        LogMigrated(databases.Provider);
        await loader.LoadAsync(cancellationToken);
        await cases.LoadAsync(cancellationToken);
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync();
        }
        await users.LoadAsync(cancellationToken);
        await tokens.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated ({Provider})")]
    private partial void LogMigrated(DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection keys are encrypted with the self-signed certificate {Path}, "
        + "made for this data folder only. Production should set FleetOps:DataProtection:CertificatePath (and CertificatePassword) "
        + "to one PFX shared by every node of the deployment.")]
    private partial void LogSelfSignedKeyCertificate(string path);
}
