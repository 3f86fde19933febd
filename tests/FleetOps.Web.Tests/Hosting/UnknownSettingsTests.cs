using FleetOps.Web.Hosting;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FleetOps.Web.Tests.Hosting;

/// <summary>
/// A key under <c>FleetOps</c> that no settings class reads (a misspelt name) is reported at start as a warning naming
/// it and, when one is close, the key probably meant; the server still starts.
/// </summary>
public sealed class UnknownSettingsTests
{
    /// <summary>
    /// A node process, read from its own output: in-process apps share one log file, and the first lines of an app were
    /// now and then missing from it while other apps wrote.
    /// </summary>
    [Fact]
    public async Task A_misspelt_key_is_a_warning_naming_it_and_the_key_it_probably_meant_and_the_server_still_starts()
    {
        var folder = Directory.CreateTempSubdirectory("fleetops-unknown-settings-").FullName;
        try
        {
            await using (var node = new NodeProcess(folder, new Dictionary<string, string>
            {
                ["FleetOps:Demo:Enabled"] = "false",
                ["FleetOps:Retention:HeartbeatHour"] = "200",
                ["FleetOps:Telemetry:MaxBodyByts"] = "5",
            }))
            {
                await node.StartAsync(); // ready: the warnings did not stop it

                Assert.Contains("WRN] FleetOps.Web.Hosting.UnknownSettingsWarning: The setting FleetOps:Retention:HeartbeatHour is not one "
                    + "FleetOps knows and is ignored; did you mean FleetOps:Retention:HeartbeatHours?", node.Output, StringComparison.Ordinal);
                Assert.Contains("The setting FleetOps:Telemetry:MaxBodyByts is not one FleetOps knows and is ignored.", node.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Known_keys_from_appsettings_the_environment_and_the_command_line_draw_no_warning()
    {
        var prefix = $"FLEETOPSTEST{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "FleetOps__Telemetry__MaxEventAgeDays", "30");
        Environment.SetEnvironmentVariable(prefix + "FleetOps__Mail__Security", "StartTls");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(RepositoryPaths.Root(), "src", "FleetOps.Web", "appsettings.json"))
                .AddEnvironmentVariables(prefix)
                .AddCommandLine(["--FleetOps:Demo:Enabled=false", "--FleetOps:DefaultCulture=en", "--fleetops:detection:offlineafterseconds=60",
                    "--FleetOps:Alerts:EvaluateSeconds=5", "--FleetOps:Leadership:RetrySeconds=2"])
                .Build();

            Assert.Empty(Unknown(configuration));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "FleetOps__Telemetry__MaxEventAgeDays", null);
            Environment.SetEnvironmentVariable(prefix + "FleetOps__Mail__Security", null);
        }
    }

    [Fact]
    public void Only_the_unknown_keys_are_reported()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FleetOps:Retention:HeartbeatHours"] = "168",
            ["FleetOps:Retension:SweepMinutes"] = "5",
            ["FleetOps:Detection:OfflineAfter"] = "00:03:00", // computed from OfflineAfterSeconds, not a setting
            ["FleetOps:Whatever"] = "1",
            ["FleetOps:Demo"] = "", // a section given a value beside its children, as some sources do
            ["FleetOps:Demo:Enabled"] = "false",
        }).Build();

        Assert.Equal(["FleetOps:Detection:OfflineAfter", "FleetOps:Retension:SweepMinutes", "FleetOps:Whatever"], Unknown(configuration));
    }

    [Fact]
    public void Children_of_a_list_or_a_dictionary_are_known_and_a_close_key_is_suggested()
    {
        var known = new KnownSettingKeys();
        known.Add("FleetOps:Sample", typeof(SampleOptions));

        Assert.True(known.Knows("FleetOps:Sample:Urls:0"));
        Assert.True(known.Knows("FleetOps:Sample:Levels:Microsoft.AspNetCore"));
        Assert.True(known.Knows("fleetops:sample:nested:port"));
        Assert.False(known.Knows("FleetOps:Sample:Nested:Prot"));
        Assert.Equal("FleetOps:Sample:Nested:Port", known.Nearest("FleetOps:Sample:Nested:Prot"));
        Assert.Null(known.Nearest("FleetOps:Sample:SomethingElseEntirely"));
    }

    private static IReadOnlyList<string> Unknown(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddFleetSettings(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetServices<IHostedService>().OfType<UnknownSettingsWarning>().Single().UnknownKeys().ToList();
    }

    private sealed class SampleOptions
    {
        public string[] Urls { get; set; } = [];
        public Dictionary<string, string> Levels { get; set; } = [];
        public SampleNested Nested { get; set; } = new();
    }

    private sealed class SampleNested
    {
        public int Port { get; set; }
    }
}
