namespace FleetOps.Web.Background;

/// <summary>
/// Tells whether the host's wall clock was set between two looks: it moved by more than the monotonic clock (which timers
/// run on and no one sets) — NTP stepping a clock that was wrong, a virtual machine's clock caught up after it was resumed.
/// One look at a time (each watcher owns one).
/// </summary>
public sealed class ClockStepWatch(TimeProvider time)
{
    /// <summary>
    /// A smaller step is ignored: NTP slews small offsets rather than stepping, and a few seconds are nothing against an
    /// offline limit of minutes; the two clocks are also read one after the other, not at once.
    /// </summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(5);

    private DateTimeOffset _wall = time.GetUtcNow();
    private long _since = time.GetTimestamp();

    /// <summary>The step since the last look — where the wall clock would be without it, and where it is — or null.</summary>
    public (DateTimeOffset From, DateTimeOffset To)? Look()
    {
        var expected = _wall + time.GetElapsedTime(_since);
        (_wall, _since) = (time.GetUtcNow(), time.GetTimestamp());
        return (_wall - expected).Duration() > Tolerance ? (expected, _wall) : null;
    }
}
