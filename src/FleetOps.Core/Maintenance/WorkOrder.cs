namespace FleetOps.Core.Maintenance;

/// <summary>
/// A piece of maintenance work at a store, or at one terminal of it. It pins the checklist version it was made with.
/// <see cref="PlanId"/> and <see cref="Occurrence"/> identify a generated one (unique together with its subject, so
/// generation is idempotent); <see cref="AlertId"/> the alert it was raised from. <see cref="MuteId"/> is the alert-centre
/// mute window of a visit in progress. <see cref="FollowUpOf"/> and <see cref="FollowUpItem"/> name the work order and the
/// flagged checklist item a follow-up was raised from (one follow-up per item).
/// </summary>
public sealed record WorkOrder(
    long Id,
    string StoreCode,
    string? TerminalId,
    string Title,
    WorkOrderKind Kind,
    WorkOrderPriority Priority,
    WorkOrderState State,
    DateTimeOffset DueAt,
    string ChecklistKey,
    int ChecklistVersion,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    public string? Assignee { get; init; }
    public DateTimeOffset? ScheduledStart { get; init; }
    public DateTimeOffset? ScheduledEnd { get; init; }
    public long? AlertId { get; init; }
    public long? PlanId { get; init; }
    public string? Occurrence { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? SignedBy { get; init; }
    public string? Reason { get; init; }
    public long? MuteId { get; init; }
    public long? FollowUpOf { get; init; }
    public string? FollowUpItem { get; init; }
    public IReadOnlyList<ChecklistAnswer> Results { get; init; } = [];
    public IReadOnlySet<string> Flagged { get; init; } = new HashSet<string>();

    /// <summary>Neither done nor cancelled.</summary>
    public bool IsOpen => State is not (WorkOrderState.Done or WorkOrderState.Cancelled);

    /// <summary>Past due and still open (docs/api.md §8 <c>overdue</c>).</summary>
    public bool IsOverdue(DateTimeOffset now) => IsOpen && DueAt < now;

    /// <summary>The work's subject as text: the terminal, else the store.</summary>
    public string Subject => TerminalId ?? StoreCode;

    /// <summary>Whether this booking overlaps [start, end) of the same technician.</summary>
    public bool Overlaps(string assignee, DateTimeOffset start, DateTimeOffset end) =>
        IsOpen && ScheduledStart is { } s && ScheduledEnd is { } e
        && string.Equals(Assignee, assignee, StringComparison.OrdinalIgnoreCase) && s < end && start < e;
}
