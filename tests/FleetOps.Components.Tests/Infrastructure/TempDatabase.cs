using FleetOps.Core.Telemetry;
using FleetOps.Web.Ingestion;
using FleetOps.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Components.Tests.Infrastructure;

/// <summary>A migrated SQLite file under /tmp for the pages that read the database (the terminal timeline).</summary>
public sealed class TempDatabase : IDisposable
{
    public const string Folder = "/tmp/fleetops-component-tests";

    public TempDatabase()
    {
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        Factory = new FleetDbContextFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path}" });
        using var db = Factory.CreateDbContext();
        db.Database.Migrate();
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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
    }
}
