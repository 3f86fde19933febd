namespace FleetOps.Simulator;

internal enum ActionKind
{
    PowerOn,
    Heartbeat,
    TransactionArrival,
    TransactionSign,
    TransactionComplete,
    TransactionAbandon,
    InterruptPower,
    Reversal,
    Void,
    Settlement,
    PowerFlap,
    FlapRestore,
    SilenceStart,
    SilenceEnd,
    Upgrade,
    RetrySend,
    StoreOutageCheck,
    StoreOutageLost,
    StoreOutageRestore,
    StoreOutageTerminalRestore,
}

/// <summary>
/// <paramref name="Generation"/> ties an action to one power cycle of its terminal (-1 = any):
/// when the terminal loses power, the steps it had planned (next heartbeat, signature, ...) simply lapse.
/// </summary>
internal readonly record struct ScheduledAction(ActionKind Kind, TerminalBehaviour? Terminal, int Generation, object? Payload);

// Single-threaded: only the simulation loop touches it.
internal sealed class Scheduler
{
    private readonly PriorityQueue<ScheduledAction, (long DueTicks, long Sequence)> _queue = new();
    private long _sequence;

    public int Count => _queue.Count;

    public void Add(DateTimeOffset due, ScheduledAction action) =>
        _queue.Enqueue(action, (due.UtcTicks, _sequence++)); // sequence keeps equal due times in FIFO order, so runs are reproducible

    public DateTimeOffset? NextDue =>
        _queue.TryPeek(out _, out var priority) ? new DateTimeOffset(priority.DueTicks, TimeSpan.Zero) : null;

    public bool TryDequeueDue(DateTimeOffset now, out ScheduledAction action)
    {
        if (_queue.TryPeek(out action, out var priority) && priority.DueTicks <= now.UtcTicks)
        {
            _queue.Dequeue();
            return true;
        }
        action = default;
        return false;
    }
}
