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
        var (properties, path) = ServerSettings();
        Assert.True(properties.TryGetProperty("System.GC.Server", out var server), "System.GC.Server is not set in " + path);
        Assert.False(server.GetBoolean(), "FleetOps.Web would start on server GC: the 2-core target runs better on workstation GC");
    }

    [Fact]
    public void The_young_generation_budget_does_not_follow_the_cache_size()
    {
        // Without it the budget follows the last-level cache: 55 MB and more of resident garbage on a 105 MB-L3 VM.
        var (properties, path) = ServerSettings();
        Assert.True(properties.TryGetProperty("System.GC.Gen0MaxBudget", out var budget), "System.GC.Gen0MaxBudget is not set in " + path);
        Assert.InRange(budget.GetInt64(), 4L * 1024 * 1024, 32L * 1024 * 1024);
    }

    private static (JsonElement Properties, string Path) ServerSettings()
    {
        // The build copies the web project's runtimeconfig next to the test assembly, as it does the web assembly.
        var path = Path.Combine(AppContext.BaseDirectory, "FleetOps.Web.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        return (config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone(), path);
    }
}
