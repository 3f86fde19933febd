namespace FleetOps.Core.Maintenance;

/// <summary>
/// The work order's state machine: open → scheduled → in_progress → done, with waiting (for parts, for the store) and
/// cancelled. Scheduling again reschedules; done and cancelled are final. An illegal move is a 409 at the API.
/// </summary>
public static class WorkOrderFlow
{
    /// <summary>The state a command leads to from <paramref name="state"/>, or null when it is not allowed there.</summary>
    public static WorkOrderState? Next(WorkOrderState state, WorkOrderCommand command) => (state, command) switch
    {
        (WorkOrderState.Done or WorkOrderState.Cancelled, _) => null,
        (WorkOrderState.InProgress, WorkOrderCommand.Schedule) => WorkOrderState.InProgress, // the booking moves, the visit goes on
        (_, WorkOrderCommand.Schedule) => WorkOrderState.Scheduled,
        (WorkOrderState.InProgress, WorkOrderCommand.Start) => null,
        (_, WorkOrderCommand.Start) => WorkOrderState.InProgress,
        (WorkOrderState.Waiting, WorkOrderCommand.Wait) => null,
        (_, WorkOrderCommand.Wait) => WorkOrderState.Waiting,
        (WorkOrderState.InProgress, WorkOrderCommand.Complete) => WorkOrderState.Done,
        (_, WorkOrderCommand.Complete) => null,
        (_, WorkOrderCommand.Cancel) => WorkOrderState.Cancelled,
        _ => null,
    };

    /// <summary>Other open work of the same technician whose booking overlaps [start, end).</summary>
    public static IReadOnlyList<WorkOrder> Conflicts(IEnumerable<WorkOrder> orders, long id, string assignee, DateTimeOffset start, DateTimeOffset end) =>
        orders.Where(o => o.Id != id && o.Overlaps(assignee, start, end)).OrderBy(o => o.ScheduledStart).ToList();
}
