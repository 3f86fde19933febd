namespace FleetOps.Core.Detection;

/// <summary>
/// Battery runtime (docs/api.md §6): a run on battery starts when the terminal goes on battery (an <c>on_battery</c>
/// event, or a heartbeat reporting <c>powerSource: battery</c>) and is measured when it ends in a <c>low_battery</c>
/// event or a loss of power; a <c>restored</c> event ends it unmeasured (mains came back first, which says nothing about
/// the battery). The latest measured run decides: <see cref="BatteryStatus.Weak"/> under
/// <see cref="DetectionOptions.BatteryWeakRuntimeMinutes"/>, else <see cref="BatteryStatus.Ok"/>.
/// A pure function of the facts' times, so a backlog in any order gives the same answer as live traffic.
/// </summary>
public static class BatteryRule
{
    // At one instant, mains counts before going on battery and going on battery before the end, so a terminal that
    // reports all three at once ran zero minutes on battery rather than having its run dropped or carried over.
    private const int Mains = 0, Onset = 1, End = 2;

    /// <param name="onBattery">Times of <c>on_battery</c> events.</param>
    /// <param name="batteryHeartbeats">Times of heartbeats reporting battery. A gap longer than the offline limit between
    /// two of them means the terminal was not on battery all along (it answers every minute while it is), so a heartbeat
    /// after such a gap starts a new run.</param>
    /// <param name="restored">Times of <c>restored</c> events.</param>
    /// <param name="ends">Times of <c>low_battery</c> events and losses of power.</param>
    public static BatteryHealth Evaluate(IReadOnlyList<DateTimeOffset> onBattery, IReadOnlyList<DateTimeOffset> batteryHeartbeats,
        IReadOnlyList<DateTimeOffset> restored, IReadOnlyList<DateTimeOffset> ends, DetectionOptions options)
    {
        if (ends.Count == 0 || (onBattery.Count == 0 && batteryHeartbeats.Count == 0)) return BatteryHealth.Unknown;
        var facts = new List<(DateTimeOffset At, int Kind)>(onBattery.Count + batteryHeartbeats.Count + restored.Count + ends.Count);
        facts.AddRange(onBattery.Select(at => (at, Onset)));
        facts.AddRange(restored.Select(at => (at, Mains)));
        facts.AddRange(ends.Select(at => (at, End)));
        var beats = batteryHeartbeats.Order().ToList();
        for (var i = 0; i < beats.Count; i++)
        {
            if (i == 0 || beats[i] - beats[i - 1] > options.OfflineAfter) facts.Add((beats[i], Onset));
        }
        facts.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Kind.CompareTo(b.Kind));

        DateTimeOffset? since = null;
        TimeSpan? lastRuntime = null;
        DateTimeOffset? measuredAt = null;
        foreach (var (at, kind) in facts)
        {
            switch (kind)
            {
                case Mains:
                    since = null;
                    break;
                case Onset:
                    since ??= at;
                    break;
                case End when since is { } start:
                    lastRuntime = at - start;
                    measuredAt = at;
                    since = null;
                    break;
            }
        }
        if (lastRuntime is not { } runtime) return BatteryHealth.Unknown;
        // Whole minutes, rounded down: with a whole-minute limit, "under the limit" and "shown under the limit" agree.
        var minutes = (int)Math.Floor(runtime.TotalMinutes);
        var status = runtime < TimeSpan.FromMinutes(options.BatteryWeakRuntimeMinutes) ? BatteryStatus.Weak : BatteryStatus.Ok;
        return new BatteryHealth(status, minutes, measuredAt);
    }
}
