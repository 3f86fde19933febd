using System.Diagnostics;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>Commands of the machine a test needs (mount, chattr), as an operator would type them.</summary>
public static class Commands
{
    /// <summary>Runs the command to its end (at most 30 s) and fails the test, with what it wrote, unless it succeeded.</summary>
    public static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {await process.StandardError.ReadToEndAsync()}");
    }
}
