namespace FleetOps.Core.Fleet;

/// <summary>
/// When FleetOps was listening before the start that rebuilt the fleet, so that a terminal is judged offline by the
/// time it was silent while someone listened, not by the time FleetOps itself was down — stopped for an upgrade, crashed,
/// every node gone. A terminal cannot report to a server that is not there: one that was online when FleetOps stopped
/// keeps, after the start, the time it had left (as a monitoring server's no-data triggers wait a period after its own
/// restart). Without this, a start after more than the offline limit judged the whole fleet offline at once — at 100,000
/// terminals, 100,000 alerts, webhook deliveries and mails — and resolved them again as the heartbeats came back. A
/// terminal already offline when FleetOps stopped stays offline, its alert with it.
/// <para>
/// The listening is a list of periods (each run of each node, merged) rather than one last moment, so that a second
/// restart soon after the first — a crash loop, an upgrade done twice — does not count the first outage against the
/// terminals that have not reported since. From <see cref="ResumedAt"/> on, FleetOps listens.
/// </para>
/// <para>
/// A running FleetOps stops listening too when it cannot reach its database: it answers terminals 503 and stores
/// nothing, so their silence in that spell says nothing about them (<see cref="Pause"/>, <see cref="Resume"/>). Otherwise
/// a database outage longer than the offline limit — a PostgreSQL failover, a full disk — would judge the whole fleet
/// offline and, once the database was back and before the heartbeats were, open an alert for every terminal.
/// </para>
/// </summary>
public sealed class ListeningHistory
{
    /// <summary>Nothing known: every moment counts (a fleet that was not rebuilt, tests).</summary>
    public static readonly ListeningHistory None = new([], DateTimeOffset.MinValue);

    // Disjoint periods in order, as UTC ticks, each ending at or before ResumedAt (so both arrays strictly increase), and
    // _listenedBy[i]: how long FleetOps had listened by the end of period i (strictly increasing too: no period is empty).
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly long[] _listenedBy;

    private ListeningHistory(List<(long Start, long End)> periods, DateTimeOffset resumedAt,
        DateTimeOffset? pausedSince = null, bool lastGapWasStorage = false, bool lastGapWasClockStep = false)
    {
        ResumedAt = resumedAt;
        PausedSince = pausedSince;
        LastGapWasStorage = lastGapWasStorage;
        LastGapWasClockStep = lastGapWasClockStep;
        _starts = periods.Select(p => p.Start).ToArray();
        _ends = periods.Select(p => p.End).ToArray();
        _listenedBy = new long[periods.Count];
        for (var i = 0; i < periods.Count; i++) _listenedBy[i] = (i == 0 ? 0 : _listenedBy[i - 1]) + _ends[i] - _starts[i];
    }

    /// <summary>The start (or the database's return) from which FleetOps listens without a break.</summary>
    public DateTimeOffset ResumedAt { get; }

    /// <summary>Since when FleetOps cannot reach its database and so hears nobody (null while it listens).</summary>
    public DateTimeOffset? PausedSince { get; }

    /// <summary>Whether the last gap was the database out of reach while FleetOps ran, rather than FleetOps down.</summary>
    public bool LastGapWasStorage { get; }

    /// <summary>Whether the last gap was the host's clock set forward while FleetOps ran (<see cref="Stepped"/>).</summary>
    public bool LastGapWasClockStep { get; }

    /// <summary>The end of the last period heard before the start (null when none is known).</summary>
    public DateTimeOffset? LastListened => _ends.Length == 0 ? null : new DateTimeOffset(_ends[^1], TimeSpan.Zero);

    /// <summary>How long nobody listened right before <see cref="ResumedAt"/>.</summary>
    public TimeSpan LastGap => LastListened is { } last && ResumedAt > last ? ResumedAt - last : TimeSpan.Zero;

    /// <param name="listened">periods FleetOps is known to have listened, in any order, overlapping or not</param>
    /// <param name="resumedAt">the start; later parts of the periods are cut off (FleetOps listens from here anyway)</param>
    public static ListeningHistory Of(IEnumerable<(DateTimeOffset From, DateTimeOffset Until)> listened, DateTimeOffset resumedAt)
    {
        var merged = new List<(long Start, long End)>();
        foreach (var (from, until) in listened.Select(p => (p.From.UtcTicks, Math.Min(p.Until.UtcTicks, resumedAt.UtcTicks)))
                     .Where(p => p.Item2 > p.Item1).OrderBy(p => p.Item1))
        {
            if (merged.Count > 0 && from <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, until));
            else merged.Add((from, until));
        }
        return new ListeningHistory(merged, resumedAt);
    }

    /// <summary>
    /// FleetOps stopped hearing terminals at <paramref name="since"/> (its last moment known to reach the database): from
    /// then on no terminal's time runs out until <see cref="Resume"/>.
    /// </summary>
    public ListeningHistory Pause(DateTimeOffset since) =>
        PausedSince is not null ? this
        : new ListeningHistory(Periods(), ResumedAt, since < ResumedAt ? ResumedAt : since, LastGapWasStorage);

    /// <summary>
    /// The database is reachable again at <paramref name="at"/>: the spell since <see cref="PausedSince"/> is a gap, and a
    /// terminal online before it has, from <paramref name="at"/>, the time it had left when the pause began.
    /// </summary>
    public ListeningHistory Resume(DateTimeOffset at)
    {
        if (PausedSince is not { } since) return this;
        var periods = Periods();
        if (since > ResumedAt) periods.Add((ResumedAt.UtcTicks, since.UtcTicks));
        return new ListeningHistory(periods, at < since ? since : at, lastGapWasStorage: true);
    }

    /// <summary>
    /// The host's clock was set from <paramref name="from"/> to <paramref name="to"/> while FleetOps ran (NTP stepping a
    /// clock that was wrong, a virtual machine's clock caught up after it was resumed). Forward: the span between was never
    /// lived by FleetOps — terminals' last contacts were stamped by the clock before the step, so counting it would judge
    /// every terminal offline at once and open an alert for each; it is a gap, like a stop, and a terminal online before
    /// it has, from <paramref name="to"/>, the time it had left. Backward: the clock's times after <paramref name="to"/>
    /// were never real; FleetOps listened up to <paramref name="to"/> and listens from there, so a terminal's time
    /// runs from its (corrected) last contact and not from a start the clock will only reach in hours.
    /// </summary>
    public ListeningHistory Stepped(DateTimeOffset from, DateTimeOffset to)
    {
        var periods = Periods();
        var heardUntil = PausedSince is { } since && since < from ? since : from;
        if (heardUntil > ResumedAt) periods.Add((ResumedAt.UtcTicks, heardUntil.UtcTicks));
        var paused = PausedSince is null ? (DateTimeOffset?)null : to;
        if (to >= from) return new ListeningHistory(periods, to, paused, lastGapWasClockStep: true);
        var cut = periods.Where(p => p.Start < to.UtcTicks).Select(p => (p.Start, Math.Min(p.End, to.UtcTicks))).ToList();
        return new ListeningHistory(cut, to, paused, LastGapWasStorage, LastGapWasClockStep);
    }

    private List<(long Start, long End)> Periods() => _starts.Zip(_ends, (start, end) => (start, end)).ToList();

    /// <summary>
    /// When a terminal last heard from at <paramref name="lastContact"/> counts as offline: once FleetOps has listened for
    /// <paramref name="offlineAfter"/> since then without a word — during an earlier period, or after the start.
    /// </summary>
    public DateTimeOffset OfflineAt(DateTimeOffset lastContact, TimeSpan offlineAfter)
    {
        var at = ListeningOfflineAt(lastContact, offlineAfter);
        // While paused, time runs out only if it did before the pause; the rest wait for the database (Resume).
        return PausedSince is { } since && at > since ? DateTimeOffset.MaxValue : at;
    }

    private DateTimeOffset ListeningOfflineAt(DateTimeOffset lastContact, TimeSpan offlineAfter)
    {
        var contact = lastContact.UtcTicks;
        var resumed = ResumedAt.UtcTicks;
        if (contact >= resumed) return lastContact + offlineAfter; // the commonest case: heard since the start
        var due = ListenedBefore(contact) + offlineAfter.Ticks;
        var total = _listenedBy.Length == 0 ? 0 : _listenedBy[^1];
        if (due > total) return new DateTimeOffset(resumed + (due - total), TimeSpan.Zero);
        // The limit was reached during an earlier period: the first one by whose end FleetOps had listened as long.
        var i = Array.BinarySearch(_listenedBy, due);
        if (i < 0) i = ~i;
        return new DateTimeOffset(_ends[i] - (_listenedBy[i] - due), TimeSpan.Zero);
    }

    /// <summary>How long FleetOps had listened before <paramref name="ticks"/> (a moment before the start).</summary>
    private long ListenedBefore(long ticks)
    {
        var i = Array.BinarySearch(_starts, ticks);
        if (i < 0) i = ~i - 1; // the last period starting at or before the moment
        return i < 0 ? 0 : _listenedBy[i] - Math.Max(0, _ends[i] - ticks);
    }
}
