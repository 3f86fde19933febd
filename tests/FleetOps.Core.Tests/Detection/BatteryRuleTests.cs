using FleetOps.Core.Detection;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Detection;

/// <summary>Battery runtime and <c>weak</c> (docs/api.md §6), through the fleet as the event writer feeds it, on a fake clock.</summary>
public class BatteryRuleTests
{
    private readonly FleetHarness _h = new();

    public BatteryRuleTests()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat());
    }

    private DateTimeOffset Minute(double minutes) => FleetHarness.Start.AddMinutes(minutes);

    private BatteryHealth Battery => _h["T-0001"].Assessment.Battery;

    [Fact]
    public void Six_minutes_from_on_battery_to_low_battery_is_a_weak_battery()
    {
        _h.Advance(TimeSpan.FromMinutes(30));
        _h.Deliver("T-0001", _h.Power(PowerState.OnBattery, Minute(10)), _h.Power(PowerState.LowBattery, Minute(16.5)));

        Assert.Equal(new BatteryHealth(BatteryStatus.Weak, 6, Minute(16.5)), Battery);
    }

    [Fact]
    public void Twenty_five_minutes_on_battery_until_the_power_was_lost_is_ok()
    {
        _h.Advance(TimeSpan.FromMinutes(40));
        _h.Deliver("T-0001", _h.Power(PowerState.OnBattery, Minute(10)), _h.Power(PowerState.Lost, Minute(35)));

        Assert.Equal(new BatteryHealth(BatteryStatus.Ok, 25, Minute(35)), Battery);
    }

    [Fact]
    public void Heartbeats_reporting_battery_start_the_run_when_no_on_battery_event_came()
    {
        _h.Advance(TimeSpan.FromMinutes(20));
        for (var minute = 5; minute <= 12; minute++)
        {
            _h.Deliver("T-0001", _h.Heartbeat(at: Minute(minute), source: PowerSource.Battery));
        }
        // It died without a word and came back with a new boot: an unexpected reboot ends the run at its last heartbeat.
        _h.Deliver("T-0001", _h.Heartbeat("b-2", Minute(19)));

        Assert.Equal(new BatteryHealth(BatteryStatus.Weak, 7, Minute(12)), Battery);
    }

    [Fact]
    public void The_latest_measured_run_decides()
    {
        _h.Advance(TimeSpan.FromHours(3));
        _h.Deliver("T-0001",
            _h.Power(PowerState.OnBattery, Minute(10)), _h.Power(PowerState.LowBattery, Minute(14)),
            _h.Power(PowerState.Restored, Minute(30)),
            _h.Power(PowerState.OnBattery, Minute(60)), _h.Power(PowerState.LowBattery, Minute(100)));

        Assert.Equal(BatteryStatus.Ok, Battery.Status);
        Assert.Equal(40, Battery.LastRuntimeMinutes);
    }

    [Fact]
    public void The_same_events_in_shuffled_backlogs_give_the_same_battery()
    {
        _h.Register("T-0002");
        _h.Deliver("T-0002", _h.Heartbeat());
        _h.Advance(TimeSpan.FromHours(3));
        var events = new List<TelemetryEvent>
        {
            _h.Power(PowerState.OnBattery, Minute(10)), _h.Power(PowerState.LowBattery, Minute(30)),
            _h.Power(PowerState.Restored, Minute(40)),
            _h.Heartbeat(at: Minute(50), source: PowerSource.Battery), _h.Heartbeat(at: Minute(51), source: PowerSource.Battery),
            _h.Power(PowerState.Lost, Minute(58)), _h.Heartbeat("b-2", Minute(70)),
        };
        foreach (var e in events) _h.Deliver("T-0001", e);
        var shuffled = events.ToArray();
        new Random(12).Shuffle(shuffled);
        foreach (var batch in shuffled.Chunk(2)) _h.Deliver("T-0002", batch);

        Assert.Equal(new BatteryHealth(BatteryStatus.Weak, 8, Minute(58)), Battery);
        Assert.Equal(Battery, _h["T-0002"].Assessment.Battery);
    }

    [Fact]
    public void A_terminal_never_on_battery_has_an_unknown_battery_even_after_losses()
    {
        _h.Advance(TimeSpan.FromMinutes(30));
        _h.Deliver("T-0001", _h.Power(PowerState.Lost, Minute(5)), _h.Heartbeat("b-2", Minute(10)), _h.Power(PowerState.Brownout, Minute(20)));

        Assert.Equal(BatteryHealth.Unknown, Battery);
    }

    [Fact]
    public void Mains_coming_back_before_the_battery_ran_low_measures_nothing()
    {
        _h.Advance(TimeSpan.FromMinutes(30));
        _h.Deliver("T-0001", _h.Power(PowerState.OnBattery, Minute(5)), _h.Power(PowerState.Restored, Minute(7)),
            _h.Power(PowerState.Lost, Minute(20)));

        Assert.Equal(BatteryHealth.Unknown, Battery);
    }

    [Fact]
    public void The_limit_is_a_setting()
    {
        var h = new FleetHarness(new DetectionOptions { BatteryWeakRuntimeMinutes = 5 });
        h.Register("T-0001");
        h.Advance(TimeSpan.FromMinutes(30));
        h.Deliver("T-0001", h.Power(PowerState.OnBattery, Minute(10)), h.Power(PowerState.LowBattery, Minute(16)));

        Assert.Equal(BatteryStatus.Ok, h["T-0001"].Assessment.Battery.Status);
    }
}
