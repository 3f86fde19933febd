namespace FleetOps.Web.Ingestion;

/// <summary>
/// The event writer's group commits whose snapshots are derived but not yet published (on PostgreSQL the writer awaits a
/// group's COMMIT without holding <see cref="TelemetryDerivation.Gate"/>, a <see cref="Lock"/> that cannot be held across
/// an await, and derives the next group meanwhile). The change follower must not publish while one is in flight: it would
/// publish a snapshot of a terminal that the group derived from the state before, and the group's publish would then undo
/// it. So the follower waits for none to be in flight, and while it waits the writer starts no group that it would leave
/// in flight (it writes as on SQLite, holding the gate through its COMMIT), so the follower's wait ends after the groups
/// already in flight. Every member is called with the gate held.
/// </summary>
internal sealed class GroupsInFlight
{
    private int _count;
    private TaskCompletionSource? _drained;

    /// <summary>The follower waits for its turn: the writer must not put another group in flight.</summary>
    public bool FollowerWaiting { get; private set; }

    public int Count => _count;

    /// <summary>A group was derived and will be published after the gate is released.</summary>
    public void Begin() => _count++;

    /// <summary>A group was published, or thrown away with its rollback.</summary>
    public void End()
    {
        if (--_count > 0 || _drained is not { } drained) return;
        _drained = null;
        drained.SetResult();
    }

    /// <returns>null when the follower may publish now (nothing in flight); otherwise a task that completes when nothing is,
    /// after which the follower asks again</returns>
    public Task? FollowerTurn()
    {
        if (_count == 0)
        {
            FollowerWaiting = false;
            return null;
        }
        FollowerWaiting = true;
        return (_drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }
}
