using FleetOps.Web.Hosting;
using Serilog;

if (BackupCommand.Requested(args))
{
    Environment.ExitCode = await BackupCommand.RunAsync(args);
    return;
}

// The tests' WebApplicationFactory runs this Main inside the test host; there a failure must reach the caller as the
// exception, and the static logger belongs to whichever app the tests build next (see ServerRun).
var ownProcess = ServerRun.IsOwnProcess();
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
try
{
    Environment.ExitCode = await ServerRun.RunAsync(args, ownProcess);
}
finally
{
    if (ownProcess) await Log.CloseAndFlushAsync();
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
