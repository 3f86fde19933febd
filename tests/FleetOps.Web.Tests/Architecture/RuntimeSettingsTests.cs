using System.Text.Json;

namespace FleetOps.Web.Tests.Architecture;

/// <summary>
/// The runtime settings the server is meant to start with, read from the runtimeconfig the build generates: a misspelt
/// MSBuild property is silently ignored (the project ran on server GC for a week behind a property named
/// <c>ServerGarbageCollector</c>), so the generated file is what is checked.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_server_runs_on_the_workstation_garbage_collector()
    {
        // The build copies the web project's runtimeconfig next to the test assembly, as it does the web assembly.
        var path = Path.Combine(AppContext.BaseDirectory, "FleetOps.Web.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.TryGetProperty("System.GC.Server", out var server), "System.GC.Server is not set in " + path);
        Assert.False(server.GetBoolean(), "FleetOps.Web would start on server GC: the 2-core target runs better on workstation GC");
    }
}
