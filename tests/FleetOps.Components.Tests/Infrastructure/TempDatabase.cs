using FleetOps.Core.Telemetry;
using FleetOps.Web.Persistence;
using Microsoft.Data.Sqlite;
using FleetOps.Core.Wire;

namespace FleetOps.Components.Tests.Infrastructure;

/// <summary>
/// A SQLite file under /tmp for one test: a copy of the process-wide template (migrated, with the roles and the
/// first administrator, see <see cref="TestUsers"/>), so a test pays a file copy rather than a migration.
/// Pages that read the database (the terminal timeline) and the users of <see cref="TestUsers"/> live here.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    public const string Folder = "/tmp/fleetops-component-tests";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public TempDatabase()
    {
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        File.Copy(Template.Value, Path);
        Factory = FactoryFor(Path);
    }

    public string Path { get; }

    public FleetDbContextFactory Factory { get; }

    /// <summary>Stores an accepted event the way the event writer does (the timeline reads these rows).</summary>
    public void Store(string terminalId, TelemetryEvent e, DateTimeOffset receivedAt)
    {
        using var db = Factory.CreateDbContext();
        db.Events.Add(new TelemetryEventRow
        {
            TerminalId = terminalId,
            EventId = e.Id,
            Type = e.Type.ToWire(),
            AtMs = e.At.ToUnixTimeMilliseconds(),
            ReceivedAtMs = receivedAt.ToUnixTimeMilliseconds(),
            Detail = e.Detail,
            Payload = TelemetryJson.Serialize(e),
        });
        db.SaveChanges();
    }

    public void Dispose() => DeleteFiles(Path);

    private static FleetDbContextFactory FactoryFor(string path) =>
        new(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" });

    /// <summary>Once per test run: migrate, then seed roles and the first administrator with the app's own seeder.</summary>
    private static string CreateTemplate()
    {
        Directory.CreateDirectory(Folder);
        var path = System.IO.Path.Combine(Folder, $"template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        // Task.Run: no test synchronisation context to block on.
        Task.Run(() => TestUsers.SeedTemplateAsync(FactoryFor(path))).GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFiles(path);
        return path;
    }

    private static void DeleteFiles(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try
            {
                if (File.Exists(file)) File.Delete(file);
            }
            catch (IOException)
            {
                // Best effort: /tmp is cleaned anyway.
            }
        }
    }
}
