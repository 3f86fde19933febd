using System.Diagnostics;
using System.Net;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// A FleetOps node as a real process (<c>dotnet FleetOps.Web.dll</c> from the web project's build output) on its own
/// 127.0.0.1 port, so that a test can kill it with SIGKILL as a crash would: no shutdown code runs, nothing is flushed,
/// and its advisory lock and connections are freed only because the kernel closes its sockets. In-process hosts cannot
/// show that. Settings go in as environment variables; the node's output is kept for the failure message.
/// Disposing kills it if it still runs.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private const int KeptLines = 60;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    private readonly string _workingDirectory;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Queue<string> _output = new();
    private Process? _process;

    /// <param name="workingDirectory">Its data folder: nodes of one cluster share it, so they share the Data Protection
    /// certificate the first one makes there.</param>
    /// <param name="settings">Configuration keys (<c>FleetOps:Detection:OfflineAfterSeconds</c>) and values.</param>
    public NodeProcess(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        _workingDirectory = workingDirectory;
        _settings = settings;
        Address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
    }

    public Uri Address { get; }

    /// <summary>The last lines the node wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output) return string.Join('\n', _output);
        }
    }

    /// <summary>Starts the node (again, on the same port after a kill) and waits until <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory,
            ArgumentList = { WebAssembly(), "--urls", Address.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.MatchesAsync(() => ReadyAsync(client, process), ready => ready, $"the node on {Address} to be ready", StartLimit);
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: the process gets no chance to do anything.</summary>
    public async Task KillAsync()
    {
        if (_process is not { } process) return;
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
    }

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private async Task<bool> ReadyAsync(HttpClient client, Process process)
    {
        if (process.HasExited) throw new Xunit.Sdk.XunitException($"The node on {Address} exited with {process.ExitCode}:\n{Output}");
        try
        {
            using var response = await client.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false; // not listening yet
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines) _output.Dequeue();
        }
    }

    internal static string WebAssembly() =>
        Path.Combine(RepositoryPaths.Root(), "src", "FleetOps.Web", "bin", Configuration, "net10.0", "FleetOps.Web.dll");

    public async ValueTask DisposeAsync()
    {
        if (_process is not { } process) return;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        process.Dispose();
        _process = null;
    }
}
