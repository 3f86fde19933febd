namespace FleetOps.Core.Maintenance;

/// <summary>
/// A preventive plan (docs/api.md §8) for exactly one of: a store, a model, or chosen terminals. A store plan makes one
/// work order per store visit (one trip covers the store); model and terminal plans make one per terminal, so history,
/// the overdue alert and the visit's mute belong to the device the work is about.
/// </summary>
public sealed record MaintenancePlan(
    long Id,
    string Name,
    string? StoreCode,
    string? Model,
    IReadOnlyList<string> TerminalIds,
    string Checklist,
    Recurrence Every,
    RecurrenceBasis Basis,
    DateOnly StartsOn,
    TimeOnly DueTime,
    WorkOrderKind Kind,
    WorkOrderPriority Priority,
    int EstimatedMinutes,
    string? DefaultTechnician,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    /// <summary>Work is due by the end of the local working day unless the plan says otherwise.</summary>
    public static readonly TimeOnly DefaultDueTime = new(17, 0);

    public const int DefaultEstimatedMinutes = 60;

    public bool Active { get; init; } = true;
}
