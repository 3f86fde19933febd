using FleetOps.Core.Fleet;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Detection;

/// <summary>An app on a fake clock that starts at the real time (so event timestamps pass the 5-minute check).</summary>
public sealed class FakeClockApp() : FleetOpsApp(new FleetOpsAppOptions
{
    Clock = new FakeTimeProvider(DateTimeOffset.UtcNow),
    Settings = new Dictionary<string, string?> { ["FleetOps__Detection__OfflineAfterSeconds"] = "180" },
});

/// <summary>
/// Detection rules seen through the HTTP API, with time driven by a <see cref="FakeTimeProvider"/>. The background
/// sweep runs on a PeriodicTimer of that clock, so it ticks only when the tests advance the clock.
/// </summary>
public sealed class DetectionTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    private static readonly TimeSpan SweepTick = TimeSpan.FromMilliseconds(250);
    private FakeTimeProvider Clock => app.Clock!;

    [Fact]
    public async Task Terminal_goes_offline_exactly_when_180_seconds_pass_without_an_event()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var start = Clock.GetUtcNow();
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", start));
        Assert.Equal("online", await ConnectivityAsync(terminal));

        Clock.Advance(TimeSpan.FromSeconds(179));
        app.GetService<FleetState>().Sweep(includePower: false); // a sweep surely ran at 179 s
        Assert.Equal("online", await ConnectivityAsync(terminal));

        Clock.Advance(TimeSpan.FromSeconds(1));
        Clock.Advance(SweepTick);
        await Eventually.MatchesAsync(() => ConnectivityAsync(terminal), c => c == "offline", "the terminal to go offline");
    }

    [Fact]
    public async Task Offline_terminal_is_online_again_after_its_next_heartbeat()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", Clock.GetUtcNow()));
        Clock.Advance(TimeSpan.FromSeconds(181));
        Clock.Advance(SweepTick);
        await Eventually.MatchesAsync(() => ConnectivityAsync(terminal), c => c == "offline", "the terminal to go offline");

        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-2", Clock.GetUtcNow()));

        Assert.Equal("online", await ConnectivityAsync(terminal));
    }

    [Fact]
    public async Task New_boot_id_without_a_power_event_counts_as_one_power_loss()
    {
        var store = await app.CreateStoreAsync(Ids.New("S"));
        var (terminal, key) = await app.NewTerminalAsync(store);
        var now = Clock.GetUtcNow();

        await app.PostAcceptedAsync(key, terminal,
            Heartbeat("hb-1", now.AddSeconds(-120), bootId: "boot-A", uptimeSeconds: 5000),
            Heartbeat("hb-2", now.AddSeconds(-10), bootId: "boot-B", uptimeSeconds: 30));

        var power = (await app.GetTerminalAsync(terminal))["power"]!.AsObject();
        Assert.Equal(1, power["lossesInWindow"]!.GetValue<int>());
        Assert.Equal("stable", Expect.Wire(power["status"]));
        Assert.Equal("device", Expect.Wire(power["likelyCause"]));
    }

    [Fact]
    public async Task New_boot_id_after_a_clean_shutdown_is_not_a_power_loss()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var now = Clock.GetUtcNow();

        await app.PostAcceptedAsync(key, terminal,
            Heartbeat("hb-1", now.AddSeconds(-120), bootId: "boot-A", uptimeSeconds: 5000),
            Power("p-1", now.AddSeconds(-100), "shutdown"),
            Heartbeat("hb-2", now.AddSeconds(-10), bootId: "boot-B", uptimeSeconds: 30));

        var power = (await app.GetTerminalAsync(terminal))["power"]!.AsObject();
        Assert.Equal(0, power["lossesInWindow"]!.GetValue<int>());
        Assert.Null(power["likelyCause"]);
    }

    [Fact]
    public async Task Three_power_losses_within_the_window_make_power_unstable()
    {
        var (terminal, key) = await app.NewTerminalAsync(await app.CreateStoreAsync(Ids.New("S")));
        var now = Clock.GetUtcNow();

        await app.PostAcceptedAsync(key, terminal,
            Power("p-1", now.AddMinutes(-30), "lost"), Power("p-2", now.AddMinutes(-29), "restored"),
            Power("p-3", now.AddMinutes(-20), "brownout"),
            Power("p-4", now.AddMinutes(-10), "lost"), Power("p-5", now.AddMinutes(-9), "restored"));

        var power = (await app.GetTerminalAsync(terminal))["power"]!.AsObject();
        Assert.Equal(3, power["lossesInWindow"]!.GetValue<int>());
        Assert.Equal("unstable", Expect.Wire(power["status"]));
    }

    [Fact]
    public async Task Seven_minutes_from_on_battery_to_low_battery_shows_a_weak_battery_with_its_runtime()
    {
        var (terminal, key) = await app.NewTerminalAsync(await app.CreateStoreAsync(Ids.New("S")));
        var now = Clock.GetUtcNow();
        await app.PostAcceptedAsync(key, terminal, Heartbeat("hb-1", now.AddMinutes(-30)));
        var before = (await app.GetTerminalAsync(terminal))["power"]!["battery"]!.AsObject();
        Assert.Equal("unknown", Expect.Wire(before["status"]));
        Assert.Null(before["lastRuntimeMinutes"]);

        await app.PostAcceptedAsync(key, terminal,
            Power("p-2", now.AddMinutes(-12), "low_battery"), Power("p-1", now.AddMinutes(-19), "on_battery"));

        var battery = (await app.GetTerminalAsync(terminal))["power"]!["battery"]!.AsObject();
        Assert.Equal("weak", Expect.Wire(battery["status"]));
        Assert.Equal(7, battery["lastRuntimeMinutes"]!.GetValue<int>());
    }

    private async Task<string> ConnectivityAsync(string terminal) => Expect.Wire((await app.GetTerminalAsync(terminal))["connectivity"]);
}
