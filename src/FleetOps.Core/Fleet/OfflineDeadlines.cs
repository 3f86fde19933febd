namespace FleetOps.Core.Fleet;

/// <summary>
/// Offline deadlines in a priority queue, so the sweep touches only terminals whose deadline passed
/// instead of scanning the whole fleet. Each terminal has at most one entry; when the deadline moved
/// later by the time it comes up, the sweep schedules it again.
/// </summary>
internal sealed class OfflineDeadlines
{
    private readonly PriorityQueue<string, DateTimeOffset> _queue = new();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);

    public void Schedule(string terminalId, DateTimeOffset deadline)
    {
        if (_queued.Add(terminalId)) _queue.Enqueue(terminalId, deadline);
    }

    /// <summary>Forgets every deadline (new thresholds: the caller queues them again by the new limit).</summary>
    public void Clear()
    {
        _queue.Clear();
        _queued.Clear();
    }

    public IEnumerable<string> TakeDue(DateTimeOffset now)
    {
        var due = new List<string>();
        while (_queue.TryPeek(out var id, out var deadline) && deadline <= now)
        {
            _queue.Dequeue();
            _queued.Remove(id);
            due.Add(id);
        }
        return due;
    }
}
