using FleetOps.Web.Security;
using FleetOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Tests.Security;

/// <summary>
/// A user paused after five wrong passwords, while NTP sets the server's clock back an hour: the pause was kept on the
/// wall clock, so it lasted an hour and a minute instead of a minute.
/// </summary>
public sealed class SignInThrottleClockTests
{
    [Fact]
    public void A_clock_set_an_hour_back_does_not_lengthen_a_sign_in_pause()
    {
        var clock = new HostClock(DateTimeOffset.UtcNow);
        var options = new SignInThrottleOptions();
        var throttle = new SignInThrottle(clock, Options.Create(options));
        for (var i = 0; i < options.FailuresBeforePause; i++) throttle.Failed("10.0.0.7", "store.manager@example.com");
        Assert.True(throttle.IsPaused("10.0.0.7", "store.manager@example.com"));

        clock.Step(-TimeSpan.FromHours(1));
        clock.Timers.Advance(options.FirstPause + TimeSpan.FromSeconds(1));

        Assert.False(throttle.IsPaused("10.0.0.7", "store.manager@example.com"));
    }
}
