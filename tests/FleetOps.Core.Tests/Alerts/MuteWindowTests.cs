using FleetOps.Core.Alerts;

namespace FleetOps.Core.Tests.Alerts;

public sealed class MuteWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_store_mute_covers_every_terminal_of_the_store_while_it_is_in_force()
    {
        var mute = new MuteWindow(1, "S-1", null, T0, T0.AddHours(2), "refit", "tech@chain");
        var subject = new AlertSubject(AlertKind.Offline, "S-1", "T-9");

        Assert.False(mute.Covers(subject, T0.AddSeconds(-1)));
        Assert.True(mute.Covers(subject, T0));
        Assert.True(mute.Covers(subject with { TerminalId = null, Kind = AlertKind.MoneyAtRisk }, T0.AddHours(1)));
        Assert.False(mute.Covers(subject, T0.AddHours(2)));
        Assert.False(mute.Covers(subject with { StoreCode = "S-2" }, T0.AddHours(1)));
    }

    [Fact]
    public void A_terminal_mute_covers_that_terminal_only()
    {
        var mute = new MuteWindow(1, "S-1", "T-1", T0, T0.AddHours(2), "swap", "tech@chain");

        Assert.True(mute.Covers(new AlertSubject(AlertKind.Offline, "S-1", "T-1"), T0.AddMinutes(1)));
        Assert.False(mute.Covers(new AlertSubject(AlertKind.Offline, "S-1", "T-2"), T0.AddMinutes(1)));
        Assert.False(mute.Covers(new AlertSubject(AlertKind.MoneyAtRisk, "S-1", null), T0.AddMinutes(1)));
    }

    [Theory]
    [InlineData(-60, "'until' must be after 'from'.")]
    [InlineData(0, "'until' must be after 'from'.")]
    [InlineData(30 * 24 * 60 + 1, "A mute lasts at most 30 days.")]
    public void A_window_that_ends_before_it_starts_or_lasts_over_30_days_is_refused(int minutes, string problem)
    {
        Assert.Equal(problem, MuteWindow.Problem(T0, T0.AddMinutes(minutes), T0));
        Assert.Null(MuteWindow.Problem(T0, T0.AddDays(30), T0));
    }

    [Fact]
    public void A_window_already_over_is_refused_and_one_that_began_earlier_but_runs_on_is_kept()
    {
        var now = T0.AddHours(3);

        Assert.Equal("'until' must be in the future: a mute that is already over would mute nothing.", MuteWindow.Problem(T0, T0.AddHours(2), now));
        Assert.Null(MuteWindow.Problem(T0, T0.AddHours(4), now));
    }
}
