using System.Reflection;
using Microsoft.Extensions.Options;
using Serilog;

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
            if (SettingsProblems(ex) is { } problems) Log.Fatal("FleetOps did not start: {Problems}", problems);
            else Log.Fatal(ex, "FleetOps did not start");
            return Failed;
        }
        var started = false;
        try
        {
            if (!Checked(app, ownProcess)) return Failed;
            try
            {
                await app.StartAsync();
                started = true;
            }
            catch (Exception) when (ownProcess)
            {
                return Failed; // the host has logged it ("Hosting failed to start", with the exception)
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
    /// The middleware, and the sections checked as the host starts (ValidateOnStart) checked here first: the host would
    /// log several as one aggregate with each message twice, and a stack trace that says nothing about a setting.
    /// </summary>
    private static bool Checked(WebApplication app, bool ownProcess)
    {
        try
        {
            app.UseFleetOps();
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception ex) when (ownProcess)
        {
            if (SettingsProblems(ex) is { } problems) app.Logger.LogCritical("FleetOps did not start: {Problems}", problems);
            else app.Logger.LogCritical(ex, "FleetOps did not start");
            return false;
        }
    }

    /// <summary>The settings messages of a failed check, one after the other; null when it is not a settings check.</summary>
    private static string? SettingsProblems(Exception ex) => ex switch
    {
        OptionsValidationException one => string.Join(" ", one.Failures),
        AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) =>
            string.Join(" ", many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)),
        _ => null,
    };
}
