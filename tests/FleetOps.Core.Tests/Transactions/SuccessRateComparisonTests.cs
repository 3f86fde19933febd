using FleetOps.Core.Transactions;

namespace FleetOps.Core.Tests.Transactions;

/// <summary>Before and after a date: the days each side covers, and when too few sales make it meaningless.</summary>
public sealed class SuccessRateComparisonTests
{
    private static readonly DateOnly Session = new(2026, 10, 15);

    /// <summary><paramref name="perDay"/> sales every day, all completed but those before the session, of which 5 % fail.</summary>
    private static SaleCounts Daily(DateOnly day, int perDay) =>
        day < Session ? new SaleCounts(perDay, perDay * 95 / 100, perDay / 20) : day > Session ? new SaleCounts(perDay, perDay, 0) : new SaleCounts(1000, 0, 1000);

    [Fact]
    public void Compares_the_days_before_with_the_days_after_leaving_the_day_itself_out()
    {
        var c = SuccessRateComparison.Around(Session, d => Daily(d, 20), today: Session.AddDays(60));

        Assert.Equal(Session.AddDays(-30), c.BeforeFrom);
        Assert.Equal(Session.AddDays(-1), c.BeforeTo);
        Assert.Equal(Session.AddDays(1), c.AfterFrom);
        Assert.Equal(Session.AddDays(30), c.AfterTo);
        Assert.Equal(new SaleCounts(600, 570, 30), c.Before);
        Assert.Equal(new SaleCounts(600, 600, 0), c.After);
        Assert.True(c.Meaningful);
        Assert.False(c.AfterStillRunning);
        Assert.Equal(5.0, c.RateChange!.Value, 6);
        Assert.Equal(-50.0, c.FailuresPerThousandChange!.Value, 6);
    }

    [Fact]
    public void The_after_side_stops_at_today()
    {
        var c = SuccessRateComparison.Around(Session, d => Daily(d, 20), today: Session.AddDays(5));

        Assert.Equal(Session.AddDays(5), c.AfterTo);
        Assert.Equal(100, c.After.Started);
        Assert.True(c.AfterStillRunning);
        Assert.True(c.Meaningful);
    }

    [Fact]
    public void A_session_today_has_no_after_side_yet()
    {
        var c = SuccessRateComparison.Around(Session, d => Daily(d, 20), today: Session);

        Assert.True(c.AfterNotStarted);
        Assert.Equal(0, c.After.Started);
        Assert.False(c.Meaningful);
        Assert.Null(c.RateChange);
    }

    [Theory]
    [InlineData(49, false)]
    [InlineData(50, true)]
    public void Fewer_than_fifty_sales_on_a_side_is_not_meaningful(int salesAfter, bool meaningful)
    {
        SaleCounts PerDay(DateOnly d) => d < Session ? new SaleCounts(10, 10, 0) : d == Session.AddDays(1) ? new SaleCounts(salesAfter, salesAfter, 0) : default;

        var c = SuccessRateComparison.Around(Session, PerDay, today: Session.AddDays(30));

        Assert.Equal(salesAfter, c.After.Started);
        Assert.Equal(meaningful, c.Meaningful);
        Assert.Equal(meaningful, c.RateChange is not null);
    }

    [Fact]
    public void The_before_side_starts_no_earlier_than_the_history_holds()
    {
        var c = SuccessRateComparison.Around(Session, d => Daily(d, 20), today: Session.AddDays(30), heldFrom: Session.AddDays(-3));

        Assert.Equal(Session.AddDays(-3), c.BeforeFrom);
        Assert.Equal(60, c.Before.Started);
        Assert.True(c.Meaningful);
    }

    [Fact]
    public void A_session_older_than_the_history_has_sides_without_days_not_ranges_running_backwards()
    {
        // Held 50 days before the history starts: the 30 days before and the 30 after are all unrecorded.
        var history = Session.AddDays(50);
        var c = SuccessRateComparison.Around(Session, d => d >= history ? Daily(d, 20) : default, today: Session.AddDays(60), heldFrom: history);

        Assert.True(c.BeforeUnrecorded);
        Assert.True(c.AfterUnrecorded);
        Assert.False(c.AfterNotStarted);
        Assert.Equal((0, 0), (c.Before.Started, c.After.Started));
        Assert.Equal(history, c.HeldFrom);
        Assert.False(c.Meaningful);

        // Held 10 days before it: the before side is unrecorded, the after side counts from the history's first day.
        var recent = SuccessRateComparison.Around(Session, d => d >= Session.AddDays(10) ? Daily(d, 20) : default, today: Session.AddDays(60),
            heldFrom: Session.AddDays(10));
        Assert.True(recent.BeforeUnrecorded);
        Assert.False(recent.AfterUnrecorded);
        Assert.Equal((Session.AddDays(10), Session.AddDays(30)), (recent.AfterFrom, recent.AfterTo));
        Assert.Equal(21 * 20, recent.After.Started);
    }

    [Fact]
    public void Another_number_of_days_moves_both_sides()
    {
        var c = SuccessRateComparison.Around(Session, d => Daily(d, 20), today: Session.AddDays(60), days: 7);

        Assert.Equal(140, c.Before.Started);
        Assert.Equal(140, c.After.Started);
    }
}
