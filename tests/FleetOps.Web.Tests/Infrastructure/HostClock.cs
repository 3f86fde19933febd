using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// A machine's clocks as its operating system keeps them: timers and the monotonic clock (<c>Stopwatch</c>) run on
/// <see cref="Timers"/>, which the test advances, and the wall clock is that plus an offset that <see cref="Step"/> sets, as
/// NTP or an administrator sets a running machine's clock. <see cref="FakeTimeProvider.AdjustTime"/> cannot show such a
/// step: it moves the fake's monotonic clock with the wall clock.
/// </summary>
public sealed class HostClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks;

    public FakeTimeProvider Timers { get; } = new(start);

    /// <summary>Sets the wall clock <paramref name="by"/> later (earlier when negative); timers keep their time left.</summary>
    public void Step(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => Timers.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override long GetTimestamp() => Timers.GetTimestamp();

    public override long TimestampFrequency => Timers.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Timers.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Timers.CreateTimer(callback, state, dueTime, period);
}
