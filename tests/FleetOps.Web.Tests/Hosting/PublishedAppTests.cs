using System.Diagnostics;
using System.Net;
using System.Text;
using FleetOps.Web.Tests.Infrastructure;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>
/// Issue 8 item 7: the output of <c>dotnet publish</c>, started from a folder outside the repository, serves its pages
/// with their CSS and scripts (the top-level <c>wwwroot/</c> travels with the app).
/// </summary>
public sealed class PublishedAppTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(3);
    // Generous: an empty server is ready in ~3 s, but CI runs this beside the rest of the suite on two cores, where a start
    // once took over a minute; the test is about what the published app serves, not how fast it starts.
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);

    private readonly string _temp = Directory.CreateTempSubdirectory("fleetops-publish-").FullName;

    [Fact]
    public async Task Published_app_started_outside_the_repository_serves_the_sign_in_page_its_css_and_its_script()
    {
        var app = Path.Combine(_temp, "app");
        // The test project already built the web project in this configuration: publishing only copies (seconds, not minutes).
        var publish = await RunAsync("dotnet", ["publish", WebProject(), "-c", Configuration, "--no-build", "--nologo", "-o", app], RepositoryPaths.Root(), PublishLimit);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{publish.Output}");

        var workingDirectory = Directory.CreateDirectory(Path.Combine(_temp, "elsewhere")).FullName;
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            ArgumentList = { Path.Combine(app, "FleetOps.Web.dll"), "--urls", $"http://127.0.0.1:{port}" },
            Environment =
            {
                ["ConnectionStrings__FleetOps"] = $"Data Source={Path.Combine(_temp, "data", "fleetops.db")}",
                ["FleetOps__Demo__Enabled"] = "false",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",
            },
        };
        using var server = Started(start, out var output);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            await Eventually.MatchesAsync(() => ReadyAsync(client, server, output), ready => ready, "/health/ready of the published app", StartLimit);

            foreach (var path in new[] { "/account/signin", "/css/app.css", "/js/fleetops.js" })
            {
                using var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
                Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
    }

    private static async Task<bool> ReadyAsync(HttpClient client, Process server, StringBuilder output)
    {
        if (server.HasExited)
        {
            lock (output) throw new Xunit.Sdk.XunitException($"The published app exited with {server.ExitCode}:\n{output}");
        }
        try
        {
            using var response = await client.GetAsync("/health/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }

    /// <summary>Starts a process whose output (stdout and stderr) is collected into <paramref name="output"/>.</summary>
    private static Process Started(ProcessStartInfo start, out StringBuilder output)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var collected = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (collected) collected.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (collected) collected.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = collected;
        return process;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, string workingDirectory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Started(start, out var output);
        try
        {
            await process.WaitForExitAsync().WaitAsync(limit);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        lock (output) return (process.ExitCode, output.ToString());
    }

    private static string WebProject() => Path.Combine(RepositoryPaths.Root(), "src", "FleetOps.Web", "FleetOps.Web.csproj");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process being torn down; the temp folder is cleaned by the system.
        }
    }
}
