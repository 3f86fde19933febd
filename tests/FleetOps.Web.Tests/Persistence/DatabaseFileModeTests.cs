using FleetOps.Web.Persistence;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Persistence;

/// <summary>
/// The SQLite database, its write-ahead log and shared memory, and its backups hold terminal key hashes, users and
/// payment records: FleetOps creates them readable and writable by their owner only (0600).
/// </summary>
public sealed class DatabaseFileModeTests
{
    [Fact]
    public async Task A_new_database_its_wal_and_shm_and_a_backup_are_readable_by_the_owner_only()
    {
        if (!OperatingSystem.IsLinux()) return; // file modes are a Unix matter
        await using var app = new FleetOpsApp();
        using var client = app.CreateClient();
        await Expect.StatusAsync(await client.GetAsync("/health/ready"), System.Net.HttpStatusCode.OK);
        var backup = Path.Combine(FleetOpsApp.DatabaseFolder, $"backup-{Guid.NewGuid():N}.db");
        try
        {
            await SqliteBackup.CopyAsync(app.ConnectionString, backup);

            // The server keeps connections open in WAL mode, so its -wal and -shm exist while it runs.
            foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal", app.DatabasePath + "-shm", backup })
            {
                Assert.True(File.Exists(file), file);
                Assert.Equal((file, OwnerOnlyFile.Mode), (file, File.GetUnixFileMode(file)));
            }
        }
        finally
        {
            File.Delete(backup);
        }
    }

    /// <summary>A node process, read from its own output (in-process apps share one log file, whose first lines of an app were now and then missing).</summary>
    [Fact]
    public async Task An_existing_database_readable_by_others_keeps_its_mode_and_the_start_warns_about_it()
    {
        if (!OperatingSystem.IsLinux()) return;
        var folder = Directory.CreateTempSubdirectory("fleetops-file-mode-").FullName;
        try
        {
            var database = Path.Combine(folder, "fleetops.db");
            await File.WriteAllBytesAsync(database, []); // an operator's file, made with the usual 0644
            const UnixFileMode usual = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            File.SetUnixFileMode(database, usual);
            await using (var node = new NodeProcess(folder, new Dictionary<string, string>
            {
                ["FleetOps:Demo:Enabled"] = "false",
                ["ConnectionStrings:FleetOps"] = $"Data Source={database}",
            }))
            {
                await node.StartAsync();

                Assert.Equal(usual, File.GetUnixFileMode(database));
                Assert.Contains($"The database file {database} may be read by others than its owner (mode 644)", node.Output, StringComparison.Ordinal);
                Assert.Contains("chmod 600", node.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
