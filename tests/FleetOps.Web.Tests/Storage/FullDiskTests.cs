using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Storage;

/// <summary>
/// The disk under the SQLite database fills up while terminals post, and space is freed again, with the server running
/// throughout (a real process on a 16 MB tmpfs). Before, each failed commit logged the driver's exception with its stack
/// trace and each refused request an error line of its own, and readiness said Healthy all along.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private const string Token = "full-disk-admin-token";
    private readonly string _folder = Directory.CreateTempSubdirectory("fleetops-full-disk-").FullName;
    private string Disk => Path.Combine(_folder, "disk");

    [TmpfsFact]
    public async Task A_full_disk_answers_503_with_Retry_After_fails_readiness_logs_once_and_recovers_when_space_is_freed()
    {
        Directory.CreateDirectory(Disk);
        await Commands.RunAsync("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", Disk);
        await using var node = new NodeProcess(_folder, new Dictionary<string, string>
        {
            ["ConnectionStrings:FleetOps"] = $"Data Source={Path.Combine(Disk, "fleetops.db")}",
            ["FleetOps:Demo:Enabled"] = "false",
            ["FleetOps:Bootstrap:ApiToken"] = Token,
            ["FleetOps:RateLimits:TelemetryRequestsPerSecond"] = "1000",
            ["FleetOps:RateLimits:TelemetryBurst"] = "1000",
        });
        await node.StartAsync();
        using var admin = node.CreateClient(Token);
        await Expect.StatusAsync(await admin.PostAsJsonAsync("/api/v1/stores", new { code = "S-1", name = "Store", region = "East", timeZone = "Asia/Shanghai" }), HttpStatusCode.Created);
        using var registered = await admin.PostAsJsonAsync("/api/v1/terminals", new { terminalId = "T-1", storeCode = "S-1", model = "A920" });
        var key = (await Expect.JsonObjectAsync(registered))["key"]!.GetValue<string>();
        using var terminal = node.CreateClient(key);

        var filler = Path.Combine(Disk, "filler");
        Fill(filler);
        // Pages SQLite has free already may take a few commits; the first that needs the disk is refused.
        var sent = 0;
        HttpResponseMessage answer;
        do
        {
            answer = await PostAsync(terminal, sent++);
            Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{answer.StatusCode} for batch {sent - 1}:\n{node.Output}");
        }
        while (answer.StatusCode == HttpStatusCode.OK && sent < 500);
        var firstRefused = sent - 1;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.True(answer.Headers.RetryAfter is not null, "503 must carry Retry-After");
        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync(terminal, sent++)).StatusCode);
        using (var ready = await node.CreateClient().GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        File.Delete(filler);
        for (var batch = firstRefused; batch < sent; batch++) await Expect.StatusAsync(await PostAsync(terminal, batch), HttpStatusCode.OK);
        await Expect.StatusAsync(await node.CreateClient().GetAsync("/health/ready"), HttpStatusCode.OK);

        var log = LogText();
        Assert.True(Lines(log, "The database is unavailable: SqliteException: SQLite Error 13: 'database or disk is full'") == 1, log);
        Assert.True(Lines(log, "The database takes telemetry again") == 1, log);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal); // no stack trace
        Assert.DoesNotContain("POST /api/v1/telemetry responded 503", log, StringComparison.Ordinal);
    }

    /// <summary>Batch n: 50 sales with ids of their own, the same on a resend.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient terminal, int n)
    {
        var at = DateTimeOffset.UtcNow;
        var events = Enumerable.Range(0, 50).Select(i => (JsonNode)Transaction($"e-{n}-{i}", at, transactionId: $"tx-{n}-{i}"));
        return terminal.PostAsync("/api/v1/telemetry", new StringContent(Batch("T-1", events), Encoding.UTF8, "application/json"));
    }

    private static void Fill(string path)
    {
        using var file = new FileStream(path, FileMode.CreateNew);
        var chunk = new byte[64 * 1024];
        try
        {
            while (true) file.Write(chunk);
        }
        catch (IOException)
        {
            // No space left on the device: what the test wants.
        }
    }

    private string LogText()
    {
        var logs = Path.Combine(_folder, "logs");
        return string.Concat(Directory.EnumerateFiles(logs).Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        }));
    }

    private static int Lines(string text, string needle) => text.Split('\n').Count(line => line.Contains(needle, StringComparison.Ordinal));

    public void Dispose()
    {
        // The node is gone (disposed in the test); lazily, so that a mount still busy cannot keep the folder.
        Process.Start("umount", ["-l", Disk])?.WaitForExit(30_000);
        Directory.Delete(_folder, recursive: true);
    }
}
