using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// Which work orders a list, calendar or export shows (docs/api.md §8 filters), always within what the person may see.
/// [<see cref="From"/>, <see cref="To"/>) keeps work whose booking overlaps the range, or — not booked yet — whose due time
/// falls in it: a calendar's day, week or month. Ordered by when the work happens (booking, else due time).
/// </summary>
public sealed record WorkOrderQuery
{
    public const int MaxPageSize = 500;

    public WorkOrderState? State { get; init; }
    /// <summary>The stores to show (null: every store the person sees).</summary>
    public IReadOnlySet<string>? Stores { get; init; }
    /// <summary>
    /// Only the work at stores of this region (letter case ignored): the KPI page counts overdue work per region and links
    /// here, so both must narrow by the same rule, or "East: 2 overdue" opened a list of another length.
    /// </summary>
    public string? Region { get; init; }
    public string? Assignee { get; init; }
    /// <summary>Only work booked to nobody yet: the KPI page's "not booked to anyone" row counts it and links here.</summary>
    public bool Unassigned { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public bool OverdueOnly { get; init; }
    /// <summary>Only the work orders this plan made (the plans page links to them).</summary>
    public long? PlanId { get; init; }

    public IReadOnlyList<WorkOrder> Run(IEnumerable<WorkOrder> orders, MaintenanceActor actor, StoreDirectory stores, DateTimeOffset now) =>
        orders.Where(o => actor.CanSee(o, stores)
                && (State is null || o.State == State)
                && (Stores is null || Stores.Contains(o.StoreCode))
                && (Region is null || stores.Get(o.StoreCode)?.Region.Equals(Region, StringComparison.OrdinalIgnoreCase) == true)
                && (Assignee is null || string.Equals(o.Assignee, Assignee, StringComparison.OrdinalIgnoreCase))
                && (!Unassigned || o.Assignee is null)
                && (!OverdueOnly || o.IsOverdue(now))
                && (PlanId is null || o.PlanId == PlanId)
                && InRange(o))
            .OrderBy(o => o.ScheduledStart ?? o.DueAt).ThenBy(o => o.Id).ToList();

    private bool InRange(WorkOrder o)
    {
        var (start, end) = o.ScheduledStart is { } s && o.ScheduledEnd is { } e ? (s, e) : (o.DueAt, o.DueAt);
        return (From is null || end >= From) && (To is null || start < To);
    }
}
