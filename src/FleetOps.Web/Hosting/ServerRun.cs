using System.Reflection;
using Microsoft.Extensions.Options;
using Serilog;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Builds, checks, starts and runs the server for Program.cs. A start that fails logs its reason once and ends the
/// process with exit code <see cref="Failed"/>: an exception escaping Main made the runtime print it a second time and
/// abort (exit code 134, a core dump where enabled), which read to an operator or a service manager like a crash.
/// </summary>
public static class ServerRun
{
    public const int Failed = 1;

    /// <summary>
    /// Whether Main runs as this process's entry point (<c>dotnet FleetOps.Web.dll</c>). The tests' WebApplicationFactory
    /// calls Main inside its own process instead: there every exception goes on to it, which is how it learns why the
    /// app did not start, and the static logger is left alone for the next app it builds.
    /// </summary>
    public static bool IsOwnProcess() => Assembly.GetEntryAssembly() == typeof(ServerRun).Assembly;

    public static async Task<int> RunAsync(string[] args, bool ownProcess)
    {
        WebApplication app;
        try
        {
            var builder = WebApplication.CreateBuilder(HostPaths.Options(args));
            builder.AddFleetOps();
            app = builder.Build();
        }
        catch (Exception ex) when (ownProcess)
        {
            // Settings read before the host exists (SettingsSetup); only the console bootstrap logger is there to say so.
            using var bootstrap = new Serilog.Extensions.Logging.SerilogLoggerFactory(Log.Logger);
            return NotStarted(bootstrap.CreateLogger(typeof(ServerRun).FullName!), ex);
        }
        var started = false;
        try
        {
            try
            {
                app.UseFleetOps();
                // The sections checked as the host starts (ValidateOnStart) checked here first: the host would report
                // several as one aggregate with each message twice.
                app.Services.GetService<IStartupValidator>()?.Validate();
                // Not in a test host, which listens on no port (or on one of its own choosing).
                if (ownProcess) ListenAddresses.CheckFree(app.Configuration);
                await app.StartAsync();
                started = true;
            }
            catch (Exception ex) when (ownProcess && StartFailure.StopRequested(ex, app.Lifetime))
            {
                // systemctl stop (SIGTERM) or Ctrl+C during the start-up load: what was asked for happened, so exit code
                // 0, as after a stop of a running server; a service manager that reads 1 reports the stop as a failure.
                LogStoppedWhileStarting(app.Logger);
                return 0;
            }
            catch (Exception ex) when (ownProcess)
            {
                return NotStarted(app.Logger, ex);
            }
            await app.WaitForShutdownAsync();
            return 0;
        }
        catch (Exception ex) when (ownProcess)
        {
            app.Logger.LogCritical(ex, "FleetOps stopped unexpectedly");
            return Failed;
        }
        finally
        {
            // Not a test host's app that failed to start: the WebApplicationFactory still reads its services as it learns
            // of the failure, and disposing them first made it fail now and then with "Cannot access a disposed object"
            // instead of the reason (SettingsValidationTests beside DataProtectionKeyTests).
            if (ownProcess || started) await app.DisposeAsync();
        }
    }

    /// <summary>
    /// A failed start, said once (the host's own report is left out of the log, <see cref="StartFailure.IsHostReport"/>):
    /// an operator's condition as one line, a fault with its exception.
    /// </summary>
    private static int NotStarted(ILogger logger, Exception ex)
    {
        if (StartFailure.OperatorReason(ex) is { } reason) logger.LogCritical("FleetOps did not start: {Reason}", reason);
        else logger.LogCritical(ex, "FleetOps did not start");
        return Failed;
    }

    private static void LogStoppedWhileStarting(ILogger logger) =>
        logger.LogInformation("FleetOps was asked to stop while it was starting (SIGTERM or Ctrl+C) and stopped before it listened");
}
