using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>
/// Two nodes started from one working directory (scripts/cluster.sh does so) write one log file, logs/fleetops-DATE.log.
/// Each process used to write at its own idea of the file's end, so one node's lines overwrote the other's: the file
/// kept about half of them, some spliced mid-line. The file sink now appends as a shared file.
/// </summary>
public sealed partial class SharedLogFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fleetops-shared-log-").FullName;

    [Fact]
    public async Task Two_nodes_in_one_working_directory_both_keep_every_start_up_line_in_the_log_file()
    {
        await using var first = Node("first.db");
        await using var second = Node("second.db");

        await Task.WhenAll(first.StartAsync(), second.StartAsync()); // both starting at once, as the script starts them

        var lines = await Eventually.MatchesAsync(() => Task.FromResult(Lines()),
            found => found.Count(line => line.Contains("Start-up step process start to listening:", StringComparison.Ordinal)) >= 2,
            "both nodes' last start-up step in the log");
        foreach (var node in new[] { first, second })
        {
            var listening = $"Now listening on: {node.Address.GetLeftPart(UriPartial.Authority)}";
            Assert.Single(lines, line => line.EndsWith(listening, StringComparison.Ordinal));
        }
        // Each node logs the same steps of its start once; spliced or overwritten lines would leave fewer whole ones.
        var steps = lines.Where(line => line.Contains("[INF] Start-up step ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, steps.Count(line => line.Contains("Start-up step migrate:", StringComparison.Ordinal)));
        Assert.Equal(2, steps.Count(line => line.Contains("Start-up step process start to listening:", StringComparison.Ordinal)));
        // A spliced line carries a second entry's time stamp after its start.
        Assert.DoesNotContain(lines, line => SecondEntry().IsMatch(line));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@".\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d \[[A-Z]{3}\] ")]
    private static partial System.Text.RegularExpressions.Regex SecondEntry();

    private List<string> Lines() => Directory.GetFiles(Path.Combine(_folder, "logs")).SelectMany(File.ReadAllLines).ToList();

    private NodeProcess Node(string database) => new(_folder, new Dictionary<string, string>
    {
        ["FleetOps:Demo:Enabled"] = "false",
        ["ConnectionStrings:FleetOps"] = $"Data Source={Path.Combine(_folder, database)}",
    });

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
