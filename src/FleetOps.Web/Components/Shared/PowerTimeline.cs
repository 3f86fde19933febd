using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Components.Shared;

/// <summary>
/// A terminal's power over a span ending now, for drawing (issue 12 item 4): losses known to the instant, unexpected
/// reboots (the span between the old boot's last heartbeat and the new one's first, when it died unannounced) and runs
/// on battery (from <c>on_battery</c> to <c>restored</c>, a loss or a shutdown, else to now; and heartbeats reporting
/// battery, first to last), and the store outages it was part of. Positions are shares of the span, 0–1, so the drawing
/// can be any width.
/// </summary>
public sealed record PowerTimeline(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<DateTimeOffset> Losses,
    IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Reboots,
    IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> OnBattery,
    IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Outages)
{
    /// <param name="beatGap">A gap between heartbeats reporting battery longer than this is mains in between (the offline
    /// limit, as in the battery rule: a terminal on battery still answers every minute).</param>
    /// <param name="outages">Store outages to shade behind the terminal's own marks (an ongoing one runs to now).</param>
    public static PowerTimeline Of(PowerHistory history, DateTimeOffset now, TimeSpan span, TimeSpan beatGap,
        IEnumerable<StorePowerIncident>? outages = null)
    {
        var from = now - span;
        var spans = history.LossSpans();
        return new PowerTimeline(from, now,
            spans.Where(l => l.From == l.At && l.At >= from && l.At <= now).Select(l => l.At).ToList(),
            spans.Where(l => l.From != l.At && l.At >= from && l.From <= now).Select(l => (l.From, l.At)).ToList(),
            BatteryRuns(history, now, beatGap).Where(r => r.To >= from).ToList(),
            OutageSpans(outages, from, now));
    }

    /// <summary>The outages alone over the same span: the store's band above its terminals' lanes.</summary>
    public static PowerTimeline OfOutages(IEnumerable<StorePowerIncident> outages, DateTimeOffset now, TimeSpan span) =>
        new(now - span, now, [], [], [], OutageSpans(outages, now - span, now));

    private static List<(DateTimeOffset From, DateTimeOffset To)> OutageSpans(IEnumerable<StorePowerIncident>? outages, DateTimeOffset from, DateTimeOffset now) =>
        (outages ?? []).Select(o => (o.StartedAt, o.EndedAt ?? now)).Where(o => o.Item2 >= from && o.StartedAt <= now).ToList();

    /// <summary>Where <paramref name="at"/> lies in the span, clamped to its ends.</summary>
    public double Share(DateTimeOffset at) => Math.Clamp((at - From) / (To - From), 0, 1);

    public bool IsEmpty => Losses.Count == 0 && Reboots.Count == 0 && OnBattery.Count == 0 && Outages.Count == 0;

    private static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> BatteryRuns(PowerHistory history, DateTimeOffset now, TimeSpan beatGap)
    {
        DateTimeOffset? since = null;
        foreach (var mark in history.Marks)
        {
            if (mark.State == PowerState.OnBattery) since ??= mark.At;
            else if (since is { } start && mark.State is PowerState.Restored or PowerState.Lost or PowerState.Shutdown)
            {
                yield return (start, mark.At);
                since = null;
            }
        }
        if (since is { } open) yield return (open, now);
        var beats = history.BatteryBeats;
        for (var i = 0; i < beats.Length;)
        {
            var j = i;
            while (j + 1 < beats.Length && beats[j + 1] - beats[j] <= beatGap) j++;
            yield return (beats[i], beats[j]);
            i = j + 1;
        }
    }
}
