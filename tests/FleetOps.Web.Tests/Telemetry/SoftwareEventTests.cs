using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Web.Fleet;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Telemetry;

/// <summary>The <c>software</c> event over HTTP (docs/api.md §7): stored, shown, and counted as updated when installed.</summary>
public sealed class SoftwareEventTests(FleetOpsApp app) : IClassFixture<FleetOpsApp>
{
    [Fact]
    public async Task Software_events_are_accepted_and_a_bad_state_rejects_that_event_alone()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = DateTimeOffset.UtcNow;

        var body = await app.PostAcceptedAsync(key, terminal,
            Software("sw-1", now.AddSeconds(-30), "downloading", "3.3.0"),
            Software("sw-2", now.AddSeconds(-20), "rebooting", "3.3.0"),
            Software("sw-3", now.AddSeconds(-10), "failed", "3.3.0", error: "signature check failed"));

        Assert.Equal(2, body["accepted"]!.GetValue<int>());
        var rejected = Assert.Single(body["rejected"]!.AsArray())!;
        Assert.Equal(1, rejected["index"]!.GetValue<int>());
        Assert.Equal("sw-2", Expect.Wire(rejected["id"]));
        Assert.Contains("'state' must be one of", Expect.Wire(rejected["error"]));
        Assert.Equal(2, await app.StoredEventsAsync(terminal));

        var timeline = await app.GetService<TerminalTimeline>().RecentAsync(terminal);
        Assert.Equal(["sw-3", "sw-1"], timeline.Select(e => e.Event!.Id));
        Assert.Equal(EventType.Software, timeline[0].Type);
        Assert.Equal("signature check failed", Assert.IsType<SoftwareEvent>(timeline[0].Event).Error);
    }

    [Fact]
    public async Task Installed_of_the_target_version_turns_the_terminal_current_at_once()
    {
        var model = Ids.New("M");
        var (terminal, key) = await app.NewTerminalAsync(model: model);
        var now = DateTimeOffset.UtcNow;
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", now.AddSeconds(-20), appVersion: "3.2.1", firmwareVersion: "1.9.0"));
        await app.SetSoftwareTargetAsync(model, "3.3.0", "1.9.0");
        Assert.Equal("outdated", Expect.Wire((await app.GetTerminalAsync(terminal))["software"]!["status"]));

        await app.PostAcceptedAsync(key, terminal, Software("sw-1", now.AddSeconds(-5), "installed", "3.3.0"));

        var shown = await app.GetTerminalAsync(terminal);
        Assert.Equal("3.3.0", Expect.Wire(shown["appVersion"]));
        Assert.Equal("current", Expect.Wire(shown["software"]!["status"]));
        Assert.Equal(SoftwareState.Installed, app.GetService<FleetState>().Get(terminal)!.Software!.State);
    }
}
