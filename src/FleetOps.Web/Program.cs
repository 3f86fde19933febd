using FleetOps.Web.Hosting;
using Serilog;

if (BackupCommand.Requested(args))
{
    Environment.ExitCode = await BackupCommand.RunAsync(args);
    return;
}

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(HostPaths.Options(args));
    builder.AddFleetOps();
    var app = builder.Build();
    app.UseFleetOps();
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "FleetOps stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
