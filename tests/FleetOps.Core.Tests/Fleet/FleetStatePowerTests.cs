using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Fleet;

public class FleetStatePowerTests
{
    private readonly FleetHarness _h = new();

    /// <summary>A store whose terminals are all in service (each has been heard from).</summary>
    private void RegisterStore(string store, int terminals)
    {
        for (var i = 1; i <= terminals; i++)
        {
            _h.Register($"{store}-T{i}", store);
            _h.Deliver($"{store}-T{i}", _h.Heartbeat());
        }
    }

    [Fact]
    public void Terminals_never_heard_from_do_not_hide_a_store_wide_outage()
    {
        RegisterStore("SH-002", 2);
        for (var i = 3; i <= 6; i++) _h.Register($"SH-002-T{i}", "SH-002"); // in the box, never switched on

        _h.Deliver("SH-002-T1", _h.Power());
        _h.Deliver("SH-002-T2", _h.Power());

        Assert.Equal(LikelyCause.Store, _h["SH-002-T1"].Assessment.LikelyCause);
        Assert.Equal(LikelyCause.Store, _h["SH-002-T2"].Assessment.LikelyCause);
    }

    [Fact]
    public void A_boot_keeps_one_copy_of_its_id_however_many_heartbeats_repeat_it()
    {
        // Every heartbeat is parsed into strings of its own: three equal ids, three instances.
        static string Parsed(string id) => new(id.AsSpan());
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat(Parsed("boot-1")));
        _h.Advance(TimeSpan.FromSeconds(60));
        _h.Deliver("T-0001", _h.Heartbeat(Parsed("boot-1")));
        _h.Advance(TimeSpan.FromSeconds(60));
        var t = _h.Deliver("T-0001", _h.Heartbeat(Parsed("boot-1")));

        Assert.Same(t.Power.Boots[^1].BootId, t.Heartbeat!.BootId);

        _h.Advance(TimeSpan.FromSeconds(60));
        var rebooted = _h.Deliver("T-0001", _h.Heartbeat(Parsed("boot-2")));

        Assert.Equal("boot-2", rebooted.Heartbeat!.BootId);
        Assert.Same(rebooted.Power.Boots[^1].BootId, rebooted.Heartbeat.BootId);
    }

    [Fact]
    public void Reboot_without_warning_counts_as_a_power_loss_of_the_device()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat("b-1"));
        _h.Advance(TimeSpan.FromSeconds(60));

        var terminal = _h.Deliver("T-0001", _h.Heartbeat("b-2"));

        Assert.Equal(1, terminal.Assessment.LossesInWindow);
        Assert.Equal(_h.Now, terminal.Assessment.LastLossAt);
        Assert.Equal(LikelyCause.Device, terminal.Assessment.LikelyCause);
        Assert.Equal(PowerStatus.Stable, terminal.Assessment.Power);
    }

    [Fact]
    public void Reboot_after_a_clean_shutdown_is_not_a_loss()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat("b-1"));
        _h.Advance(TimeSpan.FromSeconds(30));
        _h.Deliver("T-0001", _h.Power(PowerState.Shutdown));
        _h.Advance(TimeSpan.FromSeconds(30));

        var terminal = _h.Deliver("T-0001", _h.Heartbeat("b-2"));

        Assert.Equal(0, terminal.Assessment.LossesInWindow);
        Assert.Null(terminal.Assessment.LikelyCause);
    }

    [Fact]
    public void Terminal_without_losses_has_no_likely_cause()
    {
        _h.Register("T-0001");

        var terminal = _h.Deliver("T-0001", _h.Heartbeat());

        Assert.Equal(0, terminal.Assessment.LossesInWindow);
        Assert.Null(terminal.Assessment.LikelyCause);
    }

    [Fact]
    public void Three_of_four_terminals_losing_power_within_a_minute_point_at_the_store()
    {
        RegisterStore("SH-001", 4);

        _h.Deliver("SH-001-T1", _h.Power());
        Assert.Equal(LikelyCause.Device, _h["SH-001-T1"].Assessment.LikelyCause);
        _h.Advance(TimeSpan.FromSeconds(20));
        _h.Deliver("SH-001-T2", _h.Power(PowerState.Brownout));
        _h.Advance(TimeSpan.FromSeconds(40));
        _h.Deliver("SH-001-T3", _h.Power());

        Assert.All(["SH-001-T1", "SH-001-T2", "SH-001-T3"],
            id => Assert.Equal(LikelyCause.Store, _h[id].Assessment.LikelyCause));
        Assert.Null(_h["SH-001-T4"].Assessment.LikelyCause);
    }

    [Fact]
    public void Neighbours_whose_cause_turned_to_store_are_announced()
    {
        RegisterStore("SH-001", 4);
        _h.Deliver("SH-001-T1", _h.Power());
        _h.Deliver("SH-001-T2", _h.Power());
        _h.ForgetHeard();

        _h.Deliver("SH-001-T3", _h.Power());

        var announced = _h.Heard();
        Assert.Equal(["SH-001-T1", "SH-001-T2", "SH-001-T3"], announced.Select(t => t.TerminalId).Order());
        Assert.All(announced, t => Assert.Equal(LikelyCause.Store, t.Assessment.LikelyCause));
    }

    [Fact]
    public void Three_of_four_terminals_losing_power_published_in_one_commit_all_point_at_the_store()
    {
        // The event writer commits requests of many terminals together and publishes them in one call.
        RegisterStore("SH-001", 4);
        _h.ForgetHeard();
        var t1 = _h.Build("SH-001-T1", _h.Power());
        var t2 = _h.Build("SH-001-T2", _h.Power());
        var t3 = _h.Build("SH-001-T3", _h.Power());

        _h.Fleet.Publish([t1, t2, t3]);

        Assert.All(["SH-001-T1", "SH-001-T2", "SH-001-T3"],
            id => Assert.Equal(LikelyCause.Store, _h[id].Assessment.LikelyCause));
        var announced = _h.Heard();
        Assert.Equal(3, announced.Count);
        Assert.All(announced, t => Assert.Equal(LikelyCause.Store, t.Assessment.LikelyCause));
    }

    [Fact]
    public void One_of_four_terminals_losing_power_points_at_the_device()
    {
        RegisterStore("SH-001", 4);

        var terminal = _h.Deliver("SH-001-T2", _h.Power());

        Assert.Equal(LikelyCause.Device, terminal.Assessment.LikelyCause);
    }

    [Fact]
    public void Losses_in_another_store_do_not_make_it_store_wide()
    {
        RegisterStore("SH-001", 2);
        RegisterStore("BJ-001", 2);

        _h.Deliver("SH-001-T1", _h.Power());
        _h.Deliver("BJ-001-T1", _h.Power());

        Assert.Equal(LikelyCause.Device, _h["SH-001-T1"].Assessment.LikelyCause);
        Assert.Equal(LikelyCause.Device, _h["BJ-001-T1"].Assessment.LikelyCause);
    }

    [Fact]
    public void Three_losses_in_a_day_make_power_unstable_until_a_quiet_day_has_passed()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Power());
        _h.Advance(TimeSpan.FromHours(3));
        _h.Deliver("T-0001", _h.Power());
        _h.Advance(TimeSpan.FromHours(3));

        var terminal = _h.Deliver("T-0001", _h.Power(PowerState.Brownout));
        Assert.Equal(PowerStatus.Unstable, terminal.Assessment.Power);
        Assert.Equal(3, terminal.Assessment.LossesInWindow);

        _h.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMilliseconds(1));
        _h.Fleet.Sweep(includePower: true);
        Assert.Equal(PowerStatus.Unstable, _h["T-0001"].Assessment.Power);

        _h.ForgetHeard();
        _h.Advance(TimeSpan.FromMilliseconds(1));
        _h.Fleet.Sweep(includePower: true);
        Assert.Equal(PowerStatus.Stable, _h["T-0001"].Assessment.Power);
        Assert.Equal(0, _h["T-0001"].Assessment.LossesInWindow);
        Assert.Contains(_h.Heard(), t => t.TerminalId == "T-0001");
    }

    [Fact]
    public void Late_backlog_of_losses_is_judged_by_event_time()
    {
        _h.Register("T-0001");
        var now = _h.Now;

        var terminal = _h.Deliver("T-0001",
            _h.Power(at: now.AddHours(-2)), _h.Power(at: now.AddHours(-30)), _h.Power(at: now.AddHours(-1)));

        Assert.Equal(2, terminal.Assessment.LossesInWindow);
        Assert.Equal(PowerStatus.Stable, terminal.Assessment.Power);
        Assert.Equal(now.AddHours(-1), terminal.Assessment.LastLossAt);
    }

    [Fact]
    public void Resent_batch_of_losses_is_not_counted_twice()
    {
        _h.Register("T-0001");
        var first = _h.Power();
        var second = _h.Power(at: _h.Now.AddMinutes(-5));
        _h.Deliver("T-0001", first, second);

        var terminal = _h.Deliver("T-0001", first, second);

        Assert.Equal(2, terminal.Assessment.LossesInWindow);
        Assert.Equal(PowerStatus.Stable, terminal.Assessment.Power);
    }

    [Fact]
    public void A_late_loss_older_than_the_others_leaves_the_window_at_its_own_time()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Power());
        _h.Advance(TimeSpan.FromHours(2));
        var terminal = _h.Deliver("T-0001", _h.Power(at: _h.Now - TimeSpan.FromHours(10)));
        Assert.Equal(2, terminal.Assessment.LossesInWindow);

        _h.Advance(TimeSpan.FromHours(14) - TimeSpan.FromMilliseconds(1));
        _h.Fleet.Sweep(includePower: true);
        Assert.Equal(2, _h["T-0001"].Assessment.LossesInWindow);

        _h.Advance(TimeSpan.FromMilliseconds(1));
        _h.Fleet.Sweep(includePower: true);
        Assert.Equal(1, _h["T-0001"].Assessment.LossesInWindow);
    }

    [Fact]
    public void A_loss_stamped_ahead_of_the_server_clock_counts_once_its_time_has_come()
    {
        _h.Register("T-0001");
        var terminal = _h.Deliver("T-0001", _h.Power(at: _h.Now + TimeSpan.FromSeconds(30)));
        Assert.Equal(0, terminal.Assessment.LossesInWindow);

        _h.Advance(TimeSpan.FromSeconds(30));
        _h.Fleet.Sweep(includePower: true);

        Assert.Equal(1, _h["T-0001"].Assessment.LossesInWindow);
        Assert.Equal(_h.Now, _h["T-0001"].Assessment.LastLossAt);
    }

    [Fact]
    public void Once_every_loss_has_left_the_window_the_sweep_announces_nothing_more()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Power());
        _h.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, _h.Fleet.Sweep(includePower: true));
        Assert.Equal(0, _h["T-0001"].Assessment.LossesInWindow);

        _h.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, _h.Fleet.Sweep(includePower: true));
    }

    [Fact]
    public void A_store_wide_cause_stays_through_later_heartbeats_until_a_neighbour_changes_it()
    {
        RegisterStore("SH-001", 4);
        foreach (var id in new[] { "SH-001-T1", "SH-001-T2", "SH-001-T3" }) _h.Deliver(id, _h.Power());
        _h.Advance(TimeSpan.FromMinutes(5));
        _h.Deliver("SH-001-T1", _h.Heartbeat("b-1")); // same boot: no new loss, the store's outage still explains it
        Assert.Equal(LikelyCause.Store, _h["SH-001-T1"].Assessment.LikelyCause);

        // T1 alone loses power again, long after the outage: its latest loss is its own.
        _h.Advance(TimeSpan.FromHours(2));
        _h.Deliver("SH-001-T1", _h.Power());
        _h.Deliver("SH-001-T1", _h.Heartbeat("b-1"));

        Assert.Equal(LikelyCause.Device, _h["SH-001-T1"].Assessment.LikelyCause);
        Assert.Equal(LikelyCause.Store, _h["SH-001-T2"].Assessment.LikelyCause);
    }

    [Fact]
    public void Neighbours_heard_from_for_the_first_time_turn_a_store_outage_back_to_the_device_at_once()
    {
        RegisterStore("SH-002", 2);
        for (var i = 3; i <= 6; i++) _h.Register($"SH-002-T{i}", "SH-002");
        _h.Deliver("SH-002-T1", _h.Power());
        _h.Deliver("SH-002-T2", _h.Power());
        Assert.Equal(LikelyCause.Store, _h["SH-002-T1"].Assessment.LikelyCause);
        _h.ForgetHeard();

        // Four more terminals are switched on: two losses of six no longer point at the store, before T1 says anything.
        for (var i = 3; i <= 6; i++) _h.Deliver($"SH-002-T{i}", _h.Heartbeat());

        Assert.Equal(LikelyCause.Device, _h["SH-002-T1"].Assessment.LikelyCause);
        Assert.Equal(LikelyCause.Device, _h["SH-002-T2"].Assessment.LikelyCause);
        Assert.Contains(_h.Heard(), t => t.TerminalId == "SH-002-T1" && t.Assessment.LikelyCause == LikelyCause.Device);
    }

    [Fact]
    public void Taking_neighbours_out_of_service_turns_two_losses_into_a_store_outage_at_once()
    {
        RegisterStore("SH-001", 4);
        _h.Deliver("SH-001-T1", _h.Power());
        _h.Deliver("SH-001-T2", _h.Power());
        Assert.Equal(LikelyCause.Device, _h["SH-001-T1"].Assessment.LikelyCause); // two of four: under the 60 % share

        foreach (var id in new[] { "SH-001-T3", "SH-001-T4" })
        {
            _h.Fleet.Register(new TerminalRegistration(id, "SH-001", "A920", $"SN-{id}", Decommissioned: true));
        }

        Assert.Equal(LikelyCause.Store, _h["SH-001-T1"].Assessment.LikelyCause);
        Assert.Equal(LikelyCause.Store, _h["SH-001-T2"].Assessment.LikelyCause);
    }
}
