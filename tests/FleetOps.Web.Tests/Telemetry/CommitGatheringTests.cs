using System.Diagnostics;
using FleetOps.Web.Ingestion;

namespace FleetOps.Web.Tests.Telemetry;

/// <summary>
/// The PostgreSQL writer's wait for a fuller commit (<see cref="CommitGathering"/>): a quiet fleet's heartbeat is never
/// held back, a busy stream waits only until a commit as large as the last is queued, and never past the window.
/// Time is a counter the test moves: each look at the clock advances it by 10 µs.
/// </summary>
public sealed class CommitGatheringTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMicroseconds(300);
    private static readonly long Step = Stopwatch.Frequency / 100_000; // 10 µs

    private long _now;
    private int _clockReads;

    private long Clock()
    {
        _clockReads++;
        return _now += Step;
    }

    [Fact]
    public void After_a_lone_request_the_next_commit_is_not_held_back()
    {
        var gathering = new CommitGathering(Window, Clock);
        gathering.Committed(1);

        var queued = gathering.Wait(() => 1);

        Assert.Equal(1, queued);
        Assert.Equal(0, _clockReads);
    }

    [Fact]
    public void The_first_commit_of_all_is_not_held_back()
    {
        var gathering = new CommitGathering(Window, Clock);

        Assert.Equal(1, gathering.Wait(() => 1));
        Assert.Equal(0, _clockReads);
    }

    [Fact]
    public void After_a_commit_of_four_it_waits_until_four_are_queued_and_no_longer()
    {
        var gathering = new CommitGathering(Window, Clock);
        gathering.Committed(4);
        var looks = 0;

        var queued = gathering.Wait(() => ++looks switch { 1 => 1, 2 => 2, 3 => 3, _ => 4 });

        Assert.Equal(4, queued);
        Assert.Equal(4, looks);
        Assert.True(_now < Window.TotalSeconds * Stopwatch.Frequency, "it stopped waiting once four were queued");
    }

    [Fact]
    public void When_fewer_arrive_it_gives_up_at_the_end_of_the_window()
    {
        var gathering = new CommitGathering(Window, Clock);
        gathering.Committed(4);
        var looks = 0;

        var queued = gathering.Wait(() => { looks++; return 2; });

        Assert.Equal(2, queued);
        var windowSteps = (int)(Window.TotalSeconds * Stopwatch.Frequency / Step);
        Assert.InRange(looks, windowSteps - 2, windowSteps + 2);
    }

    [Fact]
    public void When_enough_are_already_queued_it_does_not_wait()
    {
        var gathering = new CommitGathering(Window, Clock);
        gathering.Committed(3);

        Assert.Equal(5, gathering.Wait(() => 5));
        Assert.Equal(0, _clockReads);
    }

    [Fact]
    public void A_zero_window_never_waits_whatever_the_last_commit_held()
    {
        var gathering = new CommitGathering(TimeSpan.Zero, Clock);
        gathering.Committed(50);

        Assert.Equal(1, gathering.Wait(() => 1));
        Assert.Equal(0, _clockReads);
    }

    [Fact]
    public void A_smaller_commit_lowers_what_the_next_one_waits_for()
    {
        var gathering = new CommitGathering(Window, Clock);
        gathering.Committed(6);
        gathering.Committed(2);

        Assert.Equal(2, gathering.Wait(() => 2));
        Assert.Equal(0, _clockReads);
    }
}
