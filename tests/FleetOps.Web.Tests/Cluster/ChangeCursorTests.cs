using FleetOps.Web.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Cluster;

/// <summary>
/// The gap rule of the change follower: identity values are taken before commit, so a smaller id can become visible
/// after a larger one. The cursor must apply it when it comes, apply nothing twice, and give a hole up after the grace.
/// </summary>
public sealed class ChangeCursorTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Rows_in_order_move_the_cursor_and_are_applied_once()
    {
        var cursor = new ChangeCursor(10, _clock);

        Assert.True(cursor.See(11));
        Assert.True(cursor.See(12));
        cursor.Advance();

        Assert.Equal(12, cursor.Low);
        Assert.False(cursor.HasHoles);
        Assert.False(cursor.See(12)); // read again: already applied
        Assert.False(cursor.See(3));  // below the start: the load saw it
    }

    [Fact]
    public void A_row_committed_late_with_a_smaller_id_is_applied_when_it_shows()
    {
        var cursor = new ChangeCursor(10, _clock);
        Assert.True(cursor.See(12)); // 11 took its id first but has not committed yet
        cursor.Advance();
        Assert.Equal(10, cursor.Low); // the next read asks again for everything above 10
        Assert.True(cursor.HasHoles);

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(cursor.See(12)); // re-read, not re-applied
        Assert.True(cursor.See(11));  // the late commit
        cursor.Advance();

        Assert.Equal(12, cursor.Low);
        Assert.False(cursor.HasHoles);
    }

    [Fact]
    public void A_hole_no_commit_fills_is_given_up_after_the_grace_and_later_rows_flow_on()
    {
        var cursor = new ChangeCursor(10, _clock);
        cursor.See(13); // 11 and 12 rolled back
        cursor.Advance();
        _clock.Advance(ChangeCursor.Grace - TimeSpan.FromMilliseconds(1));
        cursor.See(14);
        cursor.Advance();
        Assert.Equal(10, cursor.Low);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        cursor.Advance();

        Assert.Equal(14, cursor.Low); // both holes at once: they were known missing equally long
        Assert.True(cursor.See(15));
        cursor.Advance();
        Assert.Equal(15, cursor.Low);
    }

    [Fact]
    public void A_hole_seen_later_waits_its_own_grace()
    {
        var cursor = new ChangeCursor(10, _clock);
        cursor.See(12); // hole 11, known from now
        cursor.Advance();
        _clock.Advance(TimeSpan.FromSeconds(4));
        cursor.See(11);
        cursor.See(14); // hole 13, known only from now
        cursor.Advance();
        Assert.Equal(12, cursor.Low);

        _clock.Advance(TimeSpan.FromSeconds(4)); // 8 s after the first hole, 4 s after this one
        cursor.Advance();
        Assert.Equal(12, cursor.Low);

        _clock.Advance(TimeSpan.FromSeconds(1));
        cursor.Advance();
        Assert.Equal(14, cursor.Low);
    }

    [Fact]
    public void A_row_taken_back_after_a_failed_apply_is_applied_on_the_next_read()
    {
        var cursor = new ChangeCursor(10, _clock);
        Assert.True(cursor.See(11));
        cursor.Unsee(11); // the database failed while applying it
        cursor.Advance();

        Assert.Equal(10, cursor.Low);
        Assert.True(cursor.See(11));
        cursor.Advance();
        Assert.Equal(11, cursor.Low);
    }
}
