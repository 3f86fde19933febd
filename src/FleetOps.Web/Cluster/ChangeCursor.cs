namespace FleetOps.Web.Cluster;

/// <summary>
/// Where a node stands in the <c>NodeChanges</c> sequence. Identity values are taken before commit, so a row with a
/// smaller id can become visible after a larger one: the cursor stays at the lowest id not yet seen (<see cref="Low"/>
/// is the highest id below which everything was seen), remembers the ids seen above it, and is re-read from there.
/// A hole is given up after <see cref="Grace"/>, counted from when a larger id was first seen, because a rolled-back
/// transaction (or a sequence value lost in a crash) never fills it. Not thread-safe: the follower's loop owns it.
/// </summary>
public sealed class ChangeCursor(long low, TimeProvider time)
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly SortedSet<long> _seenAbove = [];

    // (every id up to Max was known missing or seen, since At): one entry per time the highest seen id grew.
    private readonly Queue<(long Max, DateTimeOffset At)> _holesKnown = new();

    /// <summary>Every id up to this one was seen or given up; the next read asks for ids above it.</summary>
    public long Low { get; private set; } = low;

    /// <summary>Whether a hole is waited for (the follower then reads again sooner than its usual interval).</summary>
    public bool HasHoles => _seenAbove.Count > 0;

    /// <summary>Whether the row is new to this node; marks it seen. A row at or below <see cref="Low"/> was already applied.</summary>
    public bool See(long id)
    {
        if (id <= Low || !_seenAbove.Add(id)) return false;
        // A new highest id above a gap: every missing id below it is known from now on (Max grows with each entry).
        if (id == _seenAbove.Max && id > Low + 1) _holesKnown.Enqueue((id, time.GetUtcNow()));
        return true;
    }

    /// <summary>Takes back <see cref="See"/> for a row whose applying failed, so the next read applies it (before <see cref="Advance"/>).</summary>
    public void Unsee(long id) => _seenAbove.Remove(id);

    /// <summary>Moves <see cref="Low"/> over the ids seen in a row and over holes older than <see cref="Grace"/>.</summary>
    public void Advance()
    {
        var now = time.GetUtcNow();
        while (_seenAbove.Count > 0)
        {
            var next = Low + 1;
            if (_seenAbove.Remove(next))
            {
                Low = next;
                continue;
            }
            // next is a hole below the smallest seen id; it has been known since the first time a larger id was seen.
            while (_holesKnown.Count > 0 && _holesKnown.Peek().Max <= Low) _holesKnown.Dequeue();
            if (_holesKnown.Count == 0 || now - _holesKnown.Peek().At < Grace) return;
            Low = _seenAbove.Min - 1; // give up every hole up to the next seen id: all were known as long
        }
        _holesKnown.Clear();
    }
}
