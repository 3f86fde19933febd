using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>
/// <c>FleetOps.Web backup &lt;file&gt;</c> stopped before it finished — <c>timeout 10m</c> around a cron job, a stopped
/// backup unit, Ctrl+C — leaves nothing behind: before, a partial copy as large as the database stayed beside the
/// target, one more for every dated target name.
/// </summary>
public sealed class StoppedBackupTests
{
    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task A_backup_stopped_by_a_signal_while_it_copies_leaves_no_partial_copy_and_ends_as_the_signal_ends_it(string signal, int exitCode)
    {
        var folder = Directory.CreateTempSubdirectory("fleetops-stopped-backup-").FullName;
        try
        {
            await StopAndCheckAsync(folder, signal, exitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task StopAndCheckAsync(string folder, string signal, int exitCode)
    {
        var database = Path.Combine(folder, "fleetops.db");
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // 300 MB: copying it takes seconds, far longer than the signal takes to arrive once the copy has begun.
            command.CommandText = "CREATE TABLE filler (b BLOB); INSERT INTO filler VALUES (zeroblob(300000000));";
            await command.ExecuteNonQueryAsync();
        }
        var target = Path.Combine(folder, "backups", "fleetops-2026-12-06.db");
        var partial = target + ".partial";

        var (exited, output) = await ServerProcess.RunCommandToExitAsync(folder,
            new Dictionary<string, string> { ["ConnectionStrings:FleetOps"] = $"Data Source={database}" }, ["backup", target],
            async (process, outputSoFar) =>
            {
                // The copy may also win the race outright: on a busy machine the probe can miss its partial file, and a
                // wait for it alone then ran out (CI, 2026-12-06). A finished copy or process ends the wait too; the checks
                // below accept a complete copy.
                try
                {
                    await Eventually.MatchesAsync(() => Task.FromResult(process.HasExited || File.Exists(target) || (File.Exists(partial) && new FileInfo(partial).Length > 0)),
                        begun => begun, "the copy to have begun", TimeSpan.FromSeconds(90));
                }
                catch (Xunit.Sdk.XunitException e)
                {
                    // What the command was doing when the wait ran out.
                    throw new Xunit.Sdk.XunitException($"{e.Message}; files: {string.Join(", ", Directory.EnumerateFiles(folder, "*",
                        SearchOption.AllDirectories).Select(Path.GetFileName))}; output: {outputSoFar()}");
                }
                try
                {
                    if (!process.HasExited) await ServerProcess.SignalAsync(process, signal);
                }
                catch (Xunit.Sdk.XunitException) when (process.HasExited)
                {
                    // It finished between the look and the signal.
                }
            });

        var left = Directory.EnumerateFiles(Path.GetDirectoryName(target)!).Select(Path.GetFileName).ToList();
        Assert.True(left.Count == 0 || (left is [var only] && only == Path.GetFileName(target)), // the copy may have won the race
            $"left behind: {string.Join(", ", left)}\n{output}");
        if (left.Count == 0)
        {
            Assert.True(exitCode == exited, $"exit code {exited}, expected {exitCode}; output:\n{output}");
            Assert.Contains("The backup was stopped", output, StringComparison.Ordinal);
        }
    }
}
