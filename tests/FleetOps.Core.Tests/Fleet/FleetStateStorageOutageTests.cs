using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Fleet;

/// <summary>
/// FleetOps running while its database is out of reach (<see cref="FleetState.PauseListening"/>): terminals are answered
/// 503 and nothing they say is stored, so their silence counts against none of them. A terminal online when the outage
/// began keeps, once the database is back, the time it had left; one already offline stays offline. Offline after 180 s.
/// </summary>
public class FleetStateStorageOutageTests
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);
    private readonly FleetHarness _fleet = new();

    [Fact]
    public void Ten_minutes_without_the_database_make_no_terminal_offline_and_then_each_has_the_time_it_had_left()
    {
        _fleet.Register("T-0001");
        _fleet.Deliver("T-0001", _fleet.Heartbeat());
        _fleet.Advance(TimeSpan.FromSeconds(60)); // 120 s left when the database goes
        var lost = _fleet.Now;

        Assert.Equal(0, _fleet.Fleet.PauseListening(lost));
        _fleet.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, _fleet.Fleet.Sweep(includePower: false));
        Assert.Equal(Connectivity.Online, _fleet["T-0001"].Assessment.Connectivity);
        Assert.Equal(lost, _fleet.Fleet.Listening.PausedSince);

        var back = _fleet.Now;
        Assert.Equal(0, _fleet.Fleet.ResumeListening(back));
        Assert.Null(_fleet.Fleet.Listening.PausedSince);
        Assert.Equal((TimeSpan.FromMinutes(10), true, back), (_fleet.Fleet.Listening.LastGap, _fleet.Fleet.Listening.LastGapWasStorage, _fleet.Fleet.Listening.ResumedAt));
        Assert.Equal(back + TimeSpan.FromSeconds(120), _fleet.Fleet.OfflineAt(_fleet["T-0001"]));
        _fleet.Advance(TimeSpan.FromSeconds(120) - Millisecond);
        Assert.Equal(0, _fleet.Fleet.Sweep(includePower: false));
        _fleet.Advance(Millisecond);
        Assert.Equal(1, _fleet.Fleet.Sweep(includePower: false));
        Assert.Equal(Connectivity.Offline, _fleet["T-0001"].Assessment.Connectivity);
    }

    [Fact]
    public void A_terminal_offline_before_the_outage_stays_offline_since_its_deadline()
    {
        _fleet.Register("T-SILENT");
        _fleet.Deliver("T-SILENT", _fleet.Heartbeat());
        var deadline = _fleet.Now + OfflineAfter;
        _fleet.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, _fleet.Fleet.Sweep(includePower: false));

        _fleet.Fleet.PauseListening(_fleet.Now);
        _fleet.Advance(TimeSpan.FromMinutes(10));
        _fleet.Fleet.ResumeListening(_fleet.Now);

        Assert.Equal(Connectivity.Offline, _fleet["T-SILENT"].Assessment.Connectivity);
        Assert.Equal(deadline, _fleet.Fleet.OfflineAt(_fleet["T-SILENT"]));
    }

    [Fact]
    public void A_terminal_judged_offline_after_the_last_good_write_but_before_the_outage_was_noticed_is_online_again_and_told()
    {
        _fleet.Register("T-0001");
        _fleet.Deliver("T-0001", _fleet.Heartbeat());
        _fleet.Advance(TimeSpan.FromSeconds(170)); // the last moment the database was reached: 10 s left
        var lastReached = _fleet.Now;
        _fleet.Advance(TimeSpan.FromSeconds(20)); // the outage noticed only now (a write timed out)
        Assert.Equal(1, _fleet.Fleet.Sweep(includePower: false));
        _fleet.ForgetHeard();

        Assert.Equal(1, _fleet.Fleet.PauseListening(lastReached));

        Assert.Equal(Connectivity.Online, _fleet["T-0001"].Assessment.Connectivity);
        Assert.Equal(Connectivity.Online, Assert.Single(_fleet.Heard()).Assessment.Connectivity);
        _fleet.Advance(TimeSpan.FromMinutes(5));
        _fleet.Fleet.ResumeListening(_fleet.Now);
        Assert.Equal(_fleet.Now + TimeSpan.FromSeconds(10), _fleet.Fleet.OfflineAt(_fleet["T-0001"]));
    }

    [Fact]
    public void A_second_outage_counts_only_the_listening_between_them()
    {
        _fleet.Register("T-0001");
        _fleet.Deliver("T-0001", _fleet.Heartbeat());
        _fleet.Advance(TimeSpan.FromSeconds(60));
        _fleet.Fleet.PauseListening(_fleet.Now);
        _fleet.Advance(TimeSpan.FromMinutes(10));
        _fleet.Fleet.ResumeListening(_fleet.Now);
        _fleet.Advance(TimeSpan.FromSeconds(30)); // 90 s left
        _fleet.Fleet.PauseListening(_fleet.Now);
        _fleet.Advance(TimeSpan.FromHours(1));

        _fleet.Fleet.ResumeListening(_fleet.Now);

        Assert.Equal(_fleet.Now + TimeSpan.FromSeconds(90), _fleet.Fleet.OfflineAt(_fleet["T-0001"]));
        Assert.Equal(TimeSpan.FromHours(1), _fleet.Fleet.Listening.LastGap);
    }

    [Fact]
    public void A_terminal_heard_again_after_the_database_came_back_has_the_plain_limit()
    {
        _fleet.Register("T-0001");
        _fleet.Deliver("T-0001", _fleet.Heartbeat());
        _fleet.Fleet.PauseListening(_fleet.Now);
        _fleet.Advance(TimeSpan.FromMinutes(10));
        _fleet.Fleet.ResumeListening(_fleet.Now);
        _fleet.Advance(TimeSpan.FromSeconds(5));

        _fleet.Deliver("T-0001", _fleet.Heartbeat());

        Assert.Equal(_fleet.Now + OfflineAfter, _fleet.Fleet.OfflineAt(_fleet["T-0001"]));
    }

    [Fact]
    public void Pausing_again_keeps_the_first_moment_and_resuming_without_a_pause_changes_nothing()
    {
        _fleet.Register("T-0001");
        _fleet.Deliver("T-0001", _fleet.Heartbeat());
        var resumedAt = _fleet.Fleet.Listening.ResumedAt;
        Assert.Equal(0, _fleet.Fleet.ResumeListening(_fleet.Now));
        Assert.Equal(resumedAt, _fleet.Fleet.Listening.ResumedAt);

        var first = _fleet.Now;
        _fleet.Fleet.PauseListening(first);
        _fleet.Advance(TimeSpan.FromSeconds(5));
        _fleet.Fleet.PauseListening(_fleet.Now);

        Assert.Equal(first, _fleet.Fleet.Listening.PausedSince);
    }
}
