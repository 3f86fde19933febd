namespace FleetOps.Simulator;

/// <summary>
/// A terminal's store-and-forward queue. Events leave it only when the server has answered 200 (or has
/// refused the request as malformed), so after a timeout or outage the same event objects, and
/// therefore the same ids, are sent again. Owned by the simulation loop; never touched by send tasks.
/// </summary>
internal sealed class Outbox
{
    // A real terminal's storage is finite; dropping the oldest keeps memory bounded when a terminal can
    // never deliver (for example its key was revoked).
    public const int Capacity = 20_000;

    private readonly List<TelemetryEvent> _events = [];

    public int Count => _events.Count;

    public long Dropped { get; private set; }

    public void Add(TelemetryEvent telemetryEvent)
    {
        if (_events.Count >= Capacity)
        {
            _events.RemoveAt(0);
            Dropped++;
        }
        _events.Add(telemetryEvent);
    }

    public List<TelemetryEvent> PeekBatch(int maxEvents) => _events.GetRange(0, Math.Min(maxEvents, _events.Count));

    /// <summary>Removes a batch that was taken from the front; copes with the oldest having been dropped meanwhile.</summary>
    public void Remove(IReadOnlyList<TelemetryEvent> batch)
    {
        if (_events.Count == 0 || batch.Count == 0)
            return;
        for (var i = 0; i < batch.Count; i++)
        {
            if (ReferenceEquals(batch[i], _events[0]))
            {
                _events.RemoveRange(0, Math.Min(batch.Count - i, _events.Count));
                return;
            }
        }
    }
}
