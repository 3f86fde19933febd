using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Fleet;

/// <summary>Offline after 180 s without an event (docs/api.md §3), driven by a fake clock and the sweep.</summary>
public class FleetStateConnectivityTests
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);
    private readonly FleetHarness _h = new();

    [Fact]
    public void Registered_terminal_never_heard_from_is_unknown()
    {
        _h.Register("T-0001");

        var terminal = _h["T-0001"];
        Assert.Equal(Connectivity.Unknown, terminal.Assessment.Connectivity);
        Assert.Null(terminal.LastContactAt);
        Assert.Equal(1, _h.Fleet.Count);
        Assert.Equal("T-0001", Assert.Single(_h.Heard()).TerminalId);
    }

    [Fact]
    public void Unknown_terminal_stays_unknown_however_long_it_is_silent()
    {
        _h.Register("T-0001");
        _h.Advance(TimeSpan.FromDays(2));

        _h.Fleet.Sweep(includePower: true);

        Assert.Equal(Connectivity.Unknown, _h["T-0001"].Assessment.Connectivity);
    }

    [Fact]
    public void First_event_makes_the_terminal_online()
    {
        _h.Register("T-0001");

        var terminal = _h.Deliver("T-0001", _h.Heartbeat());

        Assert.Equal(Connectivity.Online, terminal.Assessment.Connectivity);
        Assert.Equal(_h.Now, terminal.LastContactAt);
        Assert.Contains(_h.Heard(), t => t.Assessment.Connectivity == Connectivity.Online);
    }

    [Fact]
    public void Terminal_goes_offline_exactly_at_the_deadline_and_listeners_hear_of_it()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat());

        _h.Advance(OfflineAfter - Millisecond);
        _h.ForgetHeard();
        Assert.Equal(0, _h.Fleet.Sweep(includePower: false));
        Assert.Equal(Connectivity.Online, _h["T-0001"].Assessment.Connectivity);
        Assert.Empty(_h.Heard());

        _h.Advance(Millisecond);
        Assert.Equal(1, _h.Fleet.Sweep(includePower: false));

        Assert.Equal(Connectivity.Offline, _h["T-0001"].Assessment.Connectivity);
        var changed = Assert.Single(_h.Heard());
        Assert.Equal("T-0001", changed.TerminalId);
        Assert.Equal(Connectivity.Offline, changed.Assessment.Connectivity);
    }

    [Fact]
    public void Offline_terminal_comes_back_online_with_its_next_event()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat());
        _h.Advance(TimeSpan.FromMinutes(10));
        _h.Fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Offline, _h["T-0001"].Assessment.Connectivity);

        var terminal = _h.Deliver("T-0001", _h.Power(PowerState.Restored));

        Assert.Equal(Connectivity.Online, terminal.Assessment.Connectivity);
    }

    [Fact]
    public void Terminal_that_went_offline_and_came_back_goes_offline_again_at_its_new_deadline()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat());
        _h.Advance(OfflineAfter);
        _h.Fleet.Sweep(includePower: false);
        _h.Deliver("T-0001", _h.Heartbeat());

        _h.Advance(OfflineAfter - Millisecond);
        _h.Fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Online, _h["T-0001"].Assessment.Connectivity);

        _h.Advance(Millisecond);
        _h.Fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Offline, _h["T-0001"].Assessment.Connectivity);
    }

    [Fact]
    public void Each_new_event_pushes_the_offline_deadline_back()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat());
        _h.Advance(TimeSpan.FromSeconds(100));
        _h.Deliver("T-0001", _h.Transaction());

        _h.Advance(TimeSpan.FromSeconds(80)); // first deadline
        _h.Fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Online, _h["T-0001"].Assessment.Connectivity);

        _h.Advance(TimeSpan.FromSeconds(100) - Millisecond);
        _h.Fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Online, _h["T-0001"].Assessment.Connectivity);

        _h.Advance(Millisecond); // 180 s after the transaction
        _h.Fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Offline, _h["T-0001"].Assessment.Connectivity);
    }

    [Fact]
    public void Backlog_with_old_timestamps_still_counts_as_contact_now()
    {
        _h.Register("T-0001");
        var old = _h.Now.AddHours(-6);

        var terminal = _h.Deliver("T-0001", _h.Heartbeat(at: old));

        Assert.Equal(Connectivity.Online, terminal.Assessment.Connectivity);
        Assert.Equal(old, terminal.LastSeenAt);
        Assert.Equal(_h.Now, terminal.LastContactAt);
    }

    [Fact]
    public void Only_the_silent_terminal_goes_offline()
    {
        _h.Register("T-0001");
        _h.Register("T-0002");
        _h.Deliver("T-0001", _h.Heartbeat());
        _h.Deliver("T-0002", _h.Heartbeat());
        _h.Advance(TimeSpan.FromSeconds(120));
        _h.Deliver("T-0002", _h.Heartbeat());
        _h.Advance(TimeSpan.FromSeconds(60));

        _h.Fleet.Sweep(includePower: false);

        Assert.Equal(Connectivity.Offline, _h["T-0001"].Assessment.Connectivity);
        Assert.Equal(Connectivity.Online, _h["T-0002"].Assessment.Connectivity);
    }

    [Fact]
    public void Sweep_with_nothing_due_announces_nothing()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat());
        _h.ForgetHeard();

        Assert.Equal(0, _h.Fleet.Sweep(includePower: true));
        Assert.Empty(_h.Heard());
    }
}
