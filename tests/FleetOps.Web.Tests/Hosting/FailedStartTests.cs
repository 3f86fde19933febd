using System.Net;
using System.Net.Sockets;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>
/// What an operator, systemd or a container orchestrator sees when the server refuses to start: an ordinary failure
/// (exit code 1) and the reason once, not a runtime abort (134) that printed it three times, nor the host's "Hosting
/// failed to start" with a stack trace under it. And a start stopped on purpose is no failure.
/// </summary>
public sealed class FailedStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fleetops-failed-start-").FullName;

    [Theory]
    // Read before the host is built (SettingsSetup) …
    [InlineData("FleetOps:Detection:OfflineAfterSeconds", "-1", "FleetOps:Detection:OfflineAfterSeconds must be between 1 and 86400 (was -1).")]
    // … and checked as the host starts (ValidateOnStart).
    [InlineData("FleetOps:DefaultCulture", "fr", "FleetOps:DefaultCulture must be one of zh-CN, en (was fr).")]
    public async Task A_wrong_setting_ends_the_process_with_exit_code_1_naming_the_key_once(string key, string value, string message)
    {
        var (exitCode, output) = await ServerProcess.RunToExitAsync(_folder, Settings(key, value));

        AssertRefusedOnce(exitCode, output, message);
        Assert.True(Occurrences(LogText(), message) <= 1, $"'{message}' more than once in the log file:\n{LogText()}");
    }

    /// <summary>
    /// SQLite serves one server: a second one on the same file would keep its own fleet in memory and send every alert's
    /// notifications a second time. It refuses, saying why; once the first has stopped, it starts.
    /// </summary>
    [Fact]
    public async Task A_second_server_on_the_same_SQLite_file_exits_with_code_1_saying_so_once_and_starts_after_the_first_stopped()
    {
        const string refusal = "Another FleetOps server is running on the database";
        var settings = Settings("FleetOps:Demo:Enabled", "false");
        var first = new NodeProcess(_folder, settings);
        try
        {
            await first.StartAsync();

            var (exitCode, output) = await ServerProcess.RunToExitAsync(_folder, settings);

            AssertRefusedOnce(exitCode, output, refusal);
            using var client = first.CreateClient();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode); // the first runs on
        }
        finally
        {
            await first.DisposeAsync();
        }

        await using var next = new NodeProcess(_folder, settings); // e.g. the new version, after the old one stopped
        await next.StartAsync();
    }

    /// <summary>
    /// A database file the server's user may not write: SQLite opened it read-only without a word, and the server started,
    /// loaded the fleet and answered every terminal 503 from then on. Read-only by its mode; as root, whom modes do not
    /// stop, by the immutable attribute (chattr, as on ext4).
    /// </summary>
    [Fact]
    public async Task A_database_file_the_server_may_not_write_ends_the_start_with_exit_code_1_naming_the_file_once()
    {
        var file = DatabasePath;
        var settings = Settings("FleetOps:Demo:Enabled", "false");
        await using (var first = new NodeProcess(_folder, settings))
        {
            await first.StartAsync(); // a real database, made by a server
        }
        new FileInfo(file).IsReadOnly = true;
        if (Environment.UserName == "root") await Commands.RunAsync("chattr", "+i", file);
        try
        {
            var (exitCode, output) = await ServerProcess.RunToExitAsync(_folder, settings);

            AssertRefusedOnce(exitCode, output, $"FleetOps cannot write the database file {file}");
        }
        finally
        {
            if (Environment.UserName == "root") await Commands.RunAsync("chattr", "-i", file);
            new FileInfo(file).IsReadOnly = false;
        }
    }

    /// <summary>A connection string naming a folder stopped the start with "The file … already exists" and a stack trace.</summary>
    [Fact]
    public async Task A_database_path_that_names_a_folder_ends_the_start_with_exit_code_1_saying_so_once()
    {
        var folder = DatabasePath;
        Directory.CreateDirectory(folder);

        var (exitCode, output) = await ServerProcess.RunToExitAsync(_folder, Settings("FleetOps:Demo:Enabled", "false"));

        AssertRefusedOnce(exitCode, output, $"ConnectionStrings:FleetOps names the folder {folder}, not a database file");
    }

    /// <summary>A rollback without restoring the backup: the operator is told what to do, in one line (NewerDatabaseTests
    /// shows the database is left as it was).</summary>
    [Fact]
    public async Task A_database_a_newer_build_migrated_ends_the_start_with_exit_code_1_saying_so_once()
    {
        var settings = Settings("FleetOps:Demo:Enabled", "false");
        await using (var newer = FleetOpsApp.Create(new FleetOpsAppOptions { DatabasePath = DatabasePath, DeleteDatabaseOnDispose = false }))
        {
            _ = newer.Services; // migrated, as the newer build left it
        }
        await ExecuteAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231235959_FromANewerBuild', '99.0.0')");

        var (exitCode, output) = await ServerProcess.RunToExitAsync(_folder, settings);

        AssertRefusedOnce(exitCode, output, "this build does not know the migration(s) 29991231235959_FromANewerBuild");
    }

    /// <summary>
    /// The port taken (the old version still running, another service): said in one line naming the address, before
    /// the database is created, migrated or loaded — Kestrel binds last, after every other service has started.
    /// </summary>
    [Fact]
    public async Task A_port_another_process_listens_on_ends_the_start_with_exit_code_1_naming_it_before_the_database_is_touched()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;

        var (exitCode, output) = await ServerProcess.RunToExitAsync(_folder, Settings("FleetOps:Demo:Enabled", "false"),
            new Uri($"http://127.0.0.1:{port}"));

        AssertRefusedOnce(exitCode, output, $"Another process is listening on http://127.0.0.1:{port}");
        Assert.False(File.Exists(DatabasePath), $"the database was created:\n{output}");
    }

    /// <summary>
    /// <c>systemctl stop</c> (SIGTERM) while the server is still starting — loading a large fleet takes seconds — is a
    /// stop, not a failed start: exit code 0 (what the host gives a stop of a running server, and what systemd counts as
    /// a clean stop), one information line, no error, and the database as it was.
    /// </summary>
    [Fact]
    public async Task A_stop_requested_while_the_server_is_starting_ends_it_with_exit_code_0_saying_so_once()
    {
        const string stopped = "FleetOps was asked to stop while it was starting";
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        // An exclusive lock (as sqlite3 at a prompt inside BEGIN EXCLUSIVE holds) keeps the start in its first read of the
        // database for as long as the test holds it: the server is starting, and not yet listening, until then.
        await using var holder = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await holder.OpenAsync();
        await ScalarAsync(holder, "BEGIN EXCLUSIVE; SELECT count(*) FROM sqlite_master");

        var (exitCode, output) = await ServerProcess.RunToExitAsync(_folder, Settings("FleetOps:Demo:Enabled", "false"), meanwhile: async (process, soFar) =>
        {
            await OutputAsync(soFar, "Start-up step process start to initializer"); // the host handles SIGTERM from here on
            await ServerProcess.SignalAsync(process, "TERM");
            await OutputAsync(soFar, "Application is shutting down");
            await ScalarAsync(holder, "ROLLBACK; SELECT 0");
        });

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}");
        Assert.True(Occurrences(output, stopped) == 1, $"'{stopped}' not exactly once in:\n{output}");
        Assert.DoesNotContain("ERR]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(holder, "SELECT count(*) FROM sqlite_master")); // not migrated: nothing written
    }

    private string DatabasePath => Path.Combine(_folder, "data", "fleetops.db");

    /// <summary>Exit code 1 and the message once, as one line: no stack trace, not the host's own report as well.</summary>
    private static void AssertRefusedOnce(int exitCode, string output, string message)
    {
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.True(Occurrences(output, message) == 1, $"'{message}' not exactly once in:\n{output}");
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private static Task OutputAsync(Func<string> soFar, string line) =>
        Eventually.MatchesAsync(() => Task.FromResult(soFar()), text => text.Contains(line, StringComparison.Ordinal), $"'{line}' in the output",
            TimeSpan.FromSeconds(90));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Dictionary<string, string> Settings(string key, string value) => new()
    {
        ["ConnectionStrings:FleetOps"] = $"Data Source={DatabasePath}",
        ["FleetOps:Demo:Enabled"] = "false",
        [key] = value,
    };

    private string LogText()
    {
        var logs = Path.Combine(_folder, "logs");
        return Directory.Exists(logs) ? string.Concat(Directory.EnumerateFiles(logs).Select(File.ReadAllText)) : "";
    }

    private static int Occurrences(string text, string needle)
    {
        var count = 0;
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + needle.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
