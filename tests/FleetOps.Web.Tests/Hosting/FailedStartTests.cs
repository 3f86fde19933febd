using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>
/// What an operator, systemd or a container orchestrator sees when the server refuses to start: an ordinary failure
/// (exit code 1) and the reason once, not a runtime abort (134) that printed it three times.
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

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.True(Occurrences(output, message) == 1, $"'{message}' not exactly once in:\n{output}");
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
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

            Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
            Assert.True(Occurrences(output, refusal) == 1, $"'{refusal}' not exactly once in:\n{output}");
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
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
        var file = Path.Combine(_folder, "data", "fleetops.db");
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

            var message = $"FleetOps cannot write the database file {file}";
            Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
            Assert.True(Occurrences(output, message) == 1, $"'{message}' not exactly once in:\n{output}");
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
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
        var folder = Path.Combine(_folder, "data", "fleetops.db");
        Directory.CreateDirectory(folder);

        var (exitCode, output) = await ServerProcess.RunToExitAsync(_folder, Settings("FleetOps:Demo:Enabled", "false"));

        var message = $"ConnectionStrings:FleetOps names the folder {folder}, not a database file";
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.True(Occurrences(output, message) == 1, $"'{message}' not exactly once in:\n{output}");
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Settings(string key, string value) => new()
    {
        ["ConnectionStrings:FleetOps"] = $"Data Source={Path.Combine(_folder, "data", "fleetops.db")}",
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
