using System.Diagnostics;
using System.Text;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// <c>dotnet FleetOps.Web.dll</c> run as an operator runs it, for starts that are meant to fail: waits for the process to
/// end by itself and gives its exit code and everything it wrote (stdout and stderr together, as a service manager
/// keeps them). Settings go in as environment variables (<c>FleetOps__Demo__Enabled</c>).
/// </summary>
public static class ServerProcess
{
    // A start that fails ends in seconds; on a loaded two-core machine process start-up alone once took most of a minute.
    private static readonly TimeSpan ExitLimit = TimeSpan.FromMinutes(2);

    /// <param name="address">The --urls address; a free loopback port when null.</param>
    /// <param name="meanwhile">What the test does while the process runs (a signal), given it and its output so far.</param>
    public static Task<(int ExitCode, string Output)> RunToExitAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings,
        Uri? address = null, Func<Process, Func<string>, Task>? meanwhile = null) =>
        RunCommandToExitAsync(workingDirectory, settings, ["--urls", (address ?? new Uri($"http://127.0.0.1:{LoopbackPort.Free()}")).ToString()], meanwhile);

    /// <summary>The same with other arguments: a command such as <c>backup &lt;file&gt;</c>.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandToExitAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings,
        IReadOnlyList<string> arguments, Func<Process, Func<string>, Task>? meanwhile = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            ArgumentList = { NodeProcess.WebAssembly() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (meanwhile is not null) await meanwhile(process, () => { lock (output) return output.ToString(); }).WaitAsync(ExitLimit);
            await process.WaitForExitAsync().WaitAsync(ExitLimit);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        process.WaitForExit(); // the last redirected lines
        lock (output) return (process.ExitCode, output.ToString());
    }

    /// <summary>
    /// A signal as a service manager or a terminal sends it (<c>kill -TERM</c> is <c>systemctl stop</c>, <c>-INT</c> Ctrl+C);
    /// Process.Kill only sends SIGKILL.
    /// </summary>
    public static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
        Xunit.Assert.True(kill.ExitCode == 0, $"kill -{signal} {process.Id} failed ({kill.ExitCode})");
    }
}
