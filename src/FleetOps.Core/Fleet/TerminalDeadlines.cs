namespace FleetOps.Core.Fleet;

/// <summary>
/// When each terminal's assessment can next change by time alone, in a priority queue, so the sweep re-judges only the
/// terminals that are due instead of the whole fleet. The fleet keeps two: offline deadlines (last contact + the offline
/// limit) and power deadlines (<see cref="Detection.PowerStabilityRule.NextChange"/>; re-judging every terminal with a loss
/// in its history every five seconds was, after a fleet-wide reboot, 100,000 assessments every five seconds and tens of
/// MB/s of garbage on an idle server).
/// <para>
/// The earliest deadline is kept per terminal; a later one is ignored while an earlier is queued, since the caller judges
/// the terminal again when that one comes up and schedules what is then due (an offline deadline only moves later, with
/// each heartbeat). A deadline can also move earlier — a late backlog brings an older power loss — and then the entry it
/// replaced is skipped when it comes up.
/// </para>
/// <para>
/// Deadlines are kept as UTC ticks, not <see cref="DateTimeOffset"/>s: both tables hold an entry for nearly every terminal,
/// and the offset's eight bytes more an entry were ~4.5 MB of the collector's heap at 100,000 terminals.
/// </para>
/// </summary>
internal sealed class TerminalDeadlines
{
    private readonly PriorityQueue<string, long> _queue = new();
    private readonly Dictionary<string, long> _next = new(StringComparer.Ordinal);

    /// <summary>Queues <paramref name="deadline"/> unless an earlier one is queued already (that one re-schedules when it comes up).</summary>
    public void Schedule(string terminalId, DateTimeOffset? deadline)
    {
        if (deadline?.UtcTicks is not { } at) return;
        if (_next.TryGetValue(terminalId, out var queued) && queued <= at) return;
        _next[terminalId] = at;
        _queue.Enqueue(terminalId, at);
    }

    /// <summary>Forgets every deadline (new thresholds: the caller queues them again by the new limits).</summary>
    public void Clear()
    {
        _queue.Clear();
        _next.Clear();
    }

    /// <summary>Takes the terminals whose deadline has come, each once.</summary>
    public List<string> TakeDue(DateTimeOffset now)
    {
        var due = new List<string>();
        var nowTicks = now.UtcTicks;
        while (_queue.TryPeek(out var id, out var deadline) && deadline <= nowTicks)
        {
            _queue.Dequeue();
            // An entry an earlier deadline replaced: the terminal came up (and was re-scheduled) at that one.
            if (!_next.TryGetValue(id, out var current) || current != deadline) continue;
            _next.Remove(id);
            due.Add(id);
        }
        return due;
    }
}
