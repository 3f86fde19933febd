using System.Collections.Immutable;
using FleetOps.Core.Detection;
using FleetOps.Core.Telemetry;

namespace FleetOps.Core.Fleet;

/// <summary>
/// A terminal's recent power events and boots, kept sorted by event time so that a backlog arriving
/// late and out of order gives the same answer as live traffic. Bounded: old marks fall off.
/// </summary>
public sealed record PowerHistory(ImmutableArray<PowerMark> Marks, ImmutableArray<BootSegment> Boots)
{
    public const int MaxMarks = 256;
    public const int MaxBoots = 64;

    /// <summary>
    /// Times of heartbeats that reported running on battery (battery runtime, §6), oldest first, distinct, the newest
    /// <see cref="MaxMarks"/>: at one a minute that is four hours on battery, far past any limit of a weak battery.
    /// Empty for almost every terminal. Not rebuilt at start-up: heartbeats are stored as hourly roll-ups without their
    /// power source, so after a restart a run is known from <c>on_battery</c> events (and the heartbeats since).
    /// </summary>
    public ImmutableArray<DateTimeOffset> BatteryBeats { get; init; } = ImmutableArray<DateTimeOffset>.Empty;

    public static readonly PowerHistory Empty = new(ImmutableArray<PowerMark>.Empty, ImmutableArray<BootSegment>.Empty);

    // Losses() is asked for by every judgement of a sale and every page build, and costs boots × marks: worked out once
    // per history. The copy constructor below keeps `with` from carrying it over to a changed history.
    private IReadOnlyList<PowerLoss>? _lossSpans;
    private IReadOnlyList<DateTimeOffset>? _losses;

    private PowerHistory(PowerHistory original)
    {
        Marks = original.Marks;
        Boots = original.Boots;
        BatteryBeats = original.BatteryBeats;
    }

    // Equality as before the cache existed: the same marks and boots, whether or not the losses were worked out yet.
    public bool Equals(PowerHistory? other) =>
        other is not null && Marks.Equals(other.Marks) && Boots.Equals(other.Boots) && BatteryBeats.Equals(other.BatteryBeats);

    public override int GetHashCode() => HashCode.Combine(Marks, Boots, BatteryBeats);

    public PowerHistory With(TelemetryEvent e) => e switch
    {
        PowerEvent power => AddMark(new PowerMark(power.Id, power.At, power.State)),
        HeartbeatEvent { PowerSource: PowerSource.Battery } heartbeat => AddBoot(heartbeat.BootId, heartbeat.At).AddBatteryBeat(heartbeat.At),
        HeartbeatEvent heartbeat => AddBoot(heartbeat.BootId, heartbeat.At),
        _ => this,
    };

    private PowerHistory AddBatteryBeat(DateTimeOffset at)
    {
        var index = BatteryBeats.BinarySearch(at);
        if (index >= 0) return this;
        var beats = BatteryBeats.Insert(~index, at);
        if (beats.Length > MaxMarks) beats = beats.RemoveRange(0, beats.Length - MaxMarks);
        return this with { BatteryBeats = beats };
    }

    /// <summary>The battery's health from the last measured run on battery (<see cref="BatteryRule"/>).</summary>
    public BatteryHealth Battery(DetectionOptions options)
    {
        if (BatteryBeats.IsEmpty && !Marks.Any(m => m.State == PowerState.OnBattery)) return BatteryHealth.Unknown;
        // A loss ends the run when it happened: for an unexpected reboot, no later than the old boot's last heartbeat.
        var ends = Marks.Where(m => m.State == PowerState.LowBattery).Select(m => m.At)
            .Concat(LossSpans().Select(l => l.From)).ToList();
        return BatteryRule.Evaluate(MarksOf(PowerState.OnBattery), BatteryBeats, MarksOf(PowerState.Restored), ends, options);
    }

    private List<DateTimeOffset> MarksOf(PowerState state) => Marks.Where(m => m.State == state).Select(m => m.At).ToList();

    private PowerHistory AddMark(PowerMark mark)
    {
        if (Marks.Any(m => m.EventId == mark.EventId)) return this;
        var marks = Marks.Add(mark).Sort((a, b) => a.At.CompareTo(b.At));
        if (marks.Length > MaxMarks) marks = marks.RemoveRange(0, marks.Length - MaxMarks);
        return this with { Marks = marks };
    }

    private PowerHistory AddBoot(string bootId, DateTimeOffset at)
    {
        var index = -1;
        for (var i = 0; i < Boots.Length && index < 0; i++)
        {
            if (Boots[i].BootId == bootId) index = i;
        }
        if (index >= 0)
        {
            var existing = Boots[index];
            if (at >= existing.FirstAt && at <= existing.LastAt) return this;
            var widened = existing with
            {
                FirstAt = at < existing.FirstAt ? at : existing.FirstAt,
                LastAt = at > existing.LastAt ? at : existing.LastAt,
            };
            return this with { Boots = Boots.SetItem(index, widened).Sort((a, b) => a.FirstAt.CompareTo(b.FirstAt)) };
        }
        var boots = Boots.Add(new BootSegment(bootId, at, at)).Sort((a, b) => a.FirstAt.CompareTo(b.FirstAt));
        if (boots.Length > MaxBoots) boots = boots.RemoveRange(0, boots.Length - MaxBoots);
        return this with { Boots = boots };
    }

    /// <summary>
    /// Every recognised loss of power, oldest first, as the time it was recognised: each <c>lost</c> or
    /// <c>brownout</c> event, and each unexpected reboot — a new boot id with no <c>shutdown</c> or <c>lost</c>
    /// between the last heartbeat of the previous boot and the first of the new one (the terminal died without
    /// telling us). Counting rules (unstable power, store-wide cause) use these instants.
    /// </summary>
    // Arrays, and the shared empty array when there is no loss (most terminals): at 100,000 terminals two lists with
    // read-only wrappers per history were ~11 MB of the fleet's memory.
    public IReadOnlyList<DateTimeOffset> Losses() =>
        _losses ??= LossSpans().Count == 0 ? [] : LossSpans().Select(l => l.At).ToArray();

    /// <summary>The same losses with the span each is known to lie in (see <see cref="PowerLoss"/>), ordered by recognition time.</summary>
    public IReadOnlyList<PowerLoss> LossSpans() => _lossSpans ??= FindLosses();

    private PowerLoss[] FindLosses()
    {
        if (Marks.IsEmpty && Boots.Length <= 1) return [];
        var losses = new List<PowerLoss>();
        foreach (var mark in Marks)
        {
            if (mark.State is PowerState.Lost or PowerState.Brownout) losses.Add(mark.At);
        }
        for (var i = 1; i < Boots.Length; i++)
        {
            var previous = Boots[i - 1];
            var current = Boots[i];
            var announced = Marks.Any(m => m.State is PowerState.Lost or PowerState.Shutdown
                                           && m.At >= previous.LastAt && m.At <= current.FirstAt);
            if (!announced) losses.Add(new PowerLoss(previous.LastAt, current.FirstAt));
        }
        if (losses.Count == 0) return [];
        losses.Sort((a, b) => a.At.CompareTo(b.At));
        return losses.ToArray();
    }

    /// <summary>
    /// The first time at or after <paramref name="at"/> the terminal is known to have been running: a <c>restored</c>
    /// event, the first heartbeat of a boot, or <paramref name="at"/> itself when one boot's heartbeats span it (the
    /// terminal lived through a brownout). Only first and last heartbeat of a boot are kept, so "the next heartbeat of the
    /// same boot" is not known; its moment would be within a heartbeat interval anyway. Null while nothing came after.
    /// </summary>
    public DateTimeOffset? FirstReportFrom(DateTimeOffset at)
    {
        DateTimeOffset? first = null;
        foreach (var mark in Marks)
        {
            if (mark.State == PowerState.Restored && mark.At >= at) { first = mark.At; break; }
        }
        foreach (var boot in Boots)
        {
            var running = boot.FirstAt >= at ? boot.FirstAt : boot.LastAt > at ? at : (DateTimeOffset?)null;
            if (running is { } r && (first is null || r < first)) first = r;
        }
        return first;
    }

    /// <summary>
    /// True when this history, a later version of <paramref name="earlier"/>, answers <see cref="Losses"/> and
    /// <see cref="FirstReportFrom"/> (for every moment up to <paramref name="until"/>) exactly as it does: the only change
    /// is later heartbeats of the newest boot, which had already reported after <paramref name="until"/> (or began after
    /// it). Readers that derive something from those two answers up to a moment (store power incidents, up to the store's
    /// last loss) can keep what they derived, although every heartbeat replaces the history.
    /// </summary>
    public bool AnswersAsBefore(PowerHistory earlier, DateTimeOffset until)
    {
        if (ReferenceEquals(this, earlier)) return true;
        // Marks are replaced only by a power event; Boots keep their order unless a FirstAt moved.
        if (!Marks.Equals(earlier.Marks) || Boots.Length != earlier.Boots.Length) return false;
        if (Boots.IsEmpty) return true;
        for (var i = 0; i < Boots.Length - 1; i++)
        {
            if (Boots[i] != earlier.Boots[i]) return false;
        }
        var (now, before) = (Boots[^1], earlier.Boots[^1]);
        // Losses read a boot's LastAt only when a later boot follows, never the newest one's. FirstReportFrom(at) reads it
        // only for a boot that began before at, and then only whether it lies after at: already true before, still true.
        return now.BootId == before.BootId && now.FirstAt == before.FirstAt && now.LastAt >= before.LastAt
               && (before.FirstAt >= until || before.LastAt > until);
    }

    /// <summary>Drops marks and boots older than <paramref name="horizon"/>, keeping the newest boot for reboot detection.</summary>
    public PowerHistory Trim(DateTimeOffset horizon)
    {
        var marks = Marks.RemoveAll(m => m.At < horizon);
        var boots = Boots.Length <= 1 ? Boots : Boots.RemoveAll(b => b.LastAt < horizon && b != Boots[^1]);
        var beats = BatteryBeats.RemoveAll(b => b < horizon);
        return marks.Length == Marks.Length && boots.Length == Boots.Length && beats.Length == BatteryBeats.Length
            ? this
            : new PowerHistory(marks, boots) { BatteryBeats = beats };
    }
}
