namespace FleetOps.Core.Fleet;

/// <summary>
/// When each terminal's power assessment can next change by time alone (<see cref="Detection.PowerStabilityRule.NextChange"/>),
/// in a priority queue, so the sweep re-judges only the terminals that are due. It used to re-judge every terminal with a
/// loss in its history every five seconds: after a fleet-wide reboot that was 100,000 assessments (each listing its
/// store's losses) every five seconds for as long as the losses stayed in the window — tens of MB/s of garbage on an idle
/// server. Unlike offline deadlines, a power deadline can move earlier (a late backlog brings an older loss), so the
/// earliest one is kept per terminal and entries it replaced are skipped when they come up.
/// </summary>
internal sealed class PowerDeadlines
{
    private readonly PriorityQueue<string, DateTimeOffset> _queue = new();
    private readonly Dictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);

    /// <summary>Queues <paramref name="deadline"/> unless an earlier one is queued already (that one re-schedules when it comes up).</summary>
    public void Schedule(string terminalId, DateTimeOffset? deadline)
    {
        if (deadline is not { } at) return;
        if (_next.TryGetValue(terminalId, out var queued) && queued <= at) return;
        _next[terminalId] = at;
        _queue.Enqueue(terminalId, at);
    }

    /// <summary>Forgets every deadline (new thresholds: the caller queues them again by the new window).</summary>
    public void Clear()
    {
        _queue.Clear();
        _next.Clear();
    }

    public List<string> TakeDue(DateTimeOffset now)
    {
        var due = new List<string>();
        while (_queue.TryPeek(out var id, out var deadline) && deadline <= now)
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
