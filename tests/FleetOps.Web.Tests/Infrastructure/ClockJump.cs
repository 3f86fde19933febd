using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// Moves an app's fake clock days ahead in seconds of test time. <see cref="FakeTimeProvider.Advance"/> fires every periodic
/// timer once per period on the way — the fleet clock's 250 ms tick alone is 345,600 firings a day, each waking a background
/// loop that then competes with the advancing thread — so a test that moved a shared app on by a week took 20 minutes.
/// Those loops coalesce ticks (a <see cref="PeriodicTimer"/> keeps one pending tick), so what they do over a long advance is
/// already "ran a few times somewhere in the span, then once more at the end"; this keeps the "at the end" part exactly.
/// </summary>
public static class ClockJump
{
    /// <summary>
    /// The stretch before the target that the clock still advances through tick by tick: the longest period of the app's
    /// background timers (the sale history's hourly refresh), so each of them fires in it as it would after a plain advance.
    /// </summary>
    public static readonly TimeSpan LastStretch = TimeSpan.FromHours(1);

    /// <summary>
    /// Sets the clock to <paramref name="to"/>: the time up to <see cref="LastStretch"/> before it is skipped (timers keep their
    /// time left, as when a machine's clock is set), the rest advanced through. A jump within the stretch is a plain advance.
    /// </summary>
    public static void JumpTo(this FakeTimeProvider clock, DateTimeOffset to)
    {
        var skipTo = to - LastStretch;
        if (skipTo > clock.GetUtcNow()) clock.AdjustTime(skipTo);
        clock.SetUtcNow(to);
    }

    /// <summary><see cref="JumpTo"/> <paramref name="by"/> later than now.</summary>
    public static void JumpBy(this FakeTimeProvider clock, TimeSpan by) => clock.JumpTo(clock.GetUtcNow() + by);
}
