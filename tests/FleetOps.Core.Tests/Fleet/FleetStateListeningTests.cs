using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Core.Tests.Fleet;

/// <summary>
/// A start after FleetOps was not listening (<see cref="ListeningHistory"/>): a terminal that was online when FleetOps
/// stopped keeps the time it had left to report; one that was already offline stays offline. Offline after 180 s.
/// </summary>
public class FleetStateListeningTests
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);
    private readonly FleetHarness _before = new();

    [Fact]
    public void After_an_hour_down_a_terminal_online_at_the_stop_keeps_its_time_left_and_then_goes_offline()
    {
        _before.Register("T-ONLINE");
        _before.Deliver("T-ONLINE", _before.Heartbeat());
        _before.Advance(TimeSpan.FromSeconds(60)); // 120 s left when FleetOps stops
        var stoppedAt = _before.Now;

        var (fleet, clock) = StartAt(stoppedAt + TimeSpan.FromHours(1), [(FleetHarness.Start, stoppedAt)]);

        Assert.Equal(Connectivity.Online, fleet.Get("T-ONLINE")!.Assessment.Connectivity);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(120), fleet.OfflineAt(fleet.Get("T-ONLINE")!));
        Assert.Equal(TimeSpan.FromHours(1), fleet.Listening.LastGap);
        clock.Advance(TimeSpan.FromSeconds(120) - Millisecond);
        Assert.Equal(0, fleet.Sweep(includePower: false));
        clock.Advance(Millisecond);
        Assert.Equal(1, fleet.Sweep(includePower: false));
        Assert.Equal(Connectivity.Offline, fleet.Get("T-ONLINE")!.Assessment.Connectivity);
    }

    [Fact]
    public void A_terminal_already_offline_when_FleetOps_stopped_is_offline_at_once_since_its_old_deadline()
    {
        _before.Register("T-SILENT");
        _before.Deliver("T-SILENT", _before.Heartbeat());
        var deadline = _before.Now + OfflineAfter;
        _before.Advance(TimeSpan.FromMinutes(10));

        var (fleet, _) = StartAt(_before.Now + TimeSpan.FromHours(1), [(FleetHarness.Start, _before.Now)]);

        var silent = fleet.Get("T-SILENT")!;
        Assert.Equal(Connectivity.Offline, silent.Assessment.Connectivity);
        Assert.Equal(deadline, fleet.OfflineAt(silent));
    }

    [Fact]
    public void A_second_restart_soon_after_the_first_does_not_count_the_first_outage()
    {
        _before.Register("T-0001");
        _before.Deliver("T-0001", _before.Heartbeat());
        _before.Advance(TimeSpan.FromSeconds(60)); // 120 s left at the first stop
        var firstStop = _before.Now;
        var secondStart = firstStop + TimeSpan.FromHours(1);
        var crash = secondStart + TimeSpan.FromSeconds(30); // a run of 30 s in which the terminal did not report

        var (fleet, clock) = StartAt(crash + TimeSpan.FromMinutes(10), [(FleetHarness.Start, firstStop), (secondStart, crash)]);

        Assert.Equal(Connectivity.Online, fleet.Get("T-0001")!.Assessment.Connectivity);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(90), fleet.OfflineAt(fleet.Get("T-0001")!));
    }

    [Fact]
    public void A_terminal_whose_time_ran_out_in_an_earlier_run_is_offline_from_that_moment()
    {
        _before.Register("T-0001");
        _before.Deliver("T-0001", _before.Heartbeat());
        _before.Advance(TimeSpan.FromSeconds(60));
        var firstStop = _before.Now;
        var secondStart = firstStop + TimeSpan.FromHours(1);

        var (fleet, _) = StartAt(secondStart + TimeSpan.FromHours(2), [(FleetHarness.Start, firstStop), (secondStart, secondStart + TimeSpan.FromMinutes(5))]);

        var terminal = fleet.Get("T-0001")!;
        Assert.Equal(Connectivity.Offline, terminal.Assessment.Connectivity);
        Assert.Equal(secondStart + TimeSpan.FromSeconds(120), fleet.OfflineAt(terminal));
    }

    [Fact]
    public void Runs_of_two_nodes_that_overlap_count_once()
    {
        _before.Register("T-0001");
        _before.Deliver("T-0001", _before.Heartbeat());
        var heard = _before.Now;

        // Node A until 100 s after the terminal's last word, node B from 50 s to 150 s: listened for 150 s of the 180.
        var (fleet, clock) = StartAt(heard + TimeSpan.FromHours(1),
            [(FleetHarness.Start, heard + TimeSpan.FromSeconds(100)), (heard + TimeSpan.FromSeconds(50), heard + TimeSpan.FromSeconds(150))]);

        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(30), fleet.OfflineAt(fleet.Get("T-0001")!));
    }

    [Fact]
    public void A_restart_of_seconds_forgives_only_those_seconds()
    {
        _before.Register("T-0001");
        _before.Deliver("T-0001", _before.Heartbeat());
        _before.Advance(OfflineAfter - TimeSpan.FromSeconds(1)); // one second left

        var (fleet, clock) = StartAt(_before.Now + TimeSpan.FromSeconds(7), [(FleetHarness.Start, _before.Now)]);

        Assert.Equal(Connectivity.Online, fleet.Get("T-0001")!.Assessment.Connectivity);
        clock.Advance(TimeSpan.FromSeconds(1));
        fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Offline, fleet.Get("T-0001")!.Assessment.Connectivity);
    }

    [Fact]
    public void Without_a_record_everything_up_to_the_newest_contact_counts_as_listened()
    {
        _before.Register("T-OLD");
        _before.Register("T-NEW");
        _before.Deliver("T-OLD", _before.Heartbeat());
        _before.Advance(TimeSpan.FromSeconds(100));
        _before.Deliver("T-NEW", _before.Heartbeat());
        var lastHeard = _before.Now;

        var (fleet, clock) = StartAt(lastHeard + TimeSpan.FromHours(2), []);

        Assert.Equal(lastHeard, fleet.Listening.LastListened);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(80), fleet.OfflineAt(fleet.Get("T-OLD")!));
        Assert.Equal(clock.GetUtcNow() + OfflineAfter, fleet.OfflineAt(fleet.Get("T-NEW")!));
    }

    [Fact]
    public void Before_the_first_recorded_run_the_newest_contact_then_ends_what_counts_as_listened()
    {
        // A database older than the record: the terminal's last word came under a version that recorded no runs.
        _before.Register("T-0001");
        _before.Deliver("T-0001", _before.Heartbeat());
        var upgradeStart = _before.Now + TimeSpan.FromHours(1);

        var (fleet, clock) = StartAt(upgradeStart + TimeSpan.FromMinutes(30), [(upgradeStart, upgradeStart + TimeSpan.FromSeconds(100))]);

        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(80), fleet.OfflineAt(fleet.Get("T-0001")!));
    }

    [Fact]
    public void A_terminal_heard_after_the_start_has_the_plain_limit_again()
    {
        _before.Register("T-0001");
        _before.Deliver("T-0001", _before.Heartbeat());
        var (fleet, clock) = StartAt(_before.Now + TimeSpan.FromHours(1), [(FleetHarness.Start, _before.Now)]);
        clock.Advance(TimeSpan.FromSeconds(30));

        var next = fleet.Get("T-0001")!.WithEvents([_before.Heartbeat(at: clock.GetUtcNow())], clock.GetUtcNow(), fleet.PowerHorizon);
        fleet.Publish([next]);

        Assert.Equal(clock.GetUtcNow() + OfflineAfter, fleet.OfflineAt(fleet.Get("T-0001")!));
        clock.Advance(OfflineAfter);
        fleet.Sweep(includePower: false);
        Assert.Equal(Connectivity.Offline, fleet.Get("T-0001")!.Assessment.Connectivity);
    }

    /// <summary>A new fleet on its own clock at <paramref name="now"/>, loaded from the terminals as they were before.</summary>
    private (FleetState Fleet, FakeTimeProvider Clock) StartAt(DateTimeOffset now, IReadOnlyCollection<(DateTimeOffset, DateTimeOffset)> listened)
    {
        var clock = new FakeTimeProvider(now);
        var fleet = new FleetState(clock, new DetectionOptions { OfflineAfterSeconds = 180 });
        fleet.Load(_before.Fleet.All.Where(t => t.TerminalId.StartsWith("T-", StringComparison.Ordinal)).ToList(), [], listened);
        return (fleet, clock);
    }
}
