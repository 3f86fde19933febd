using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Api;

/// <summary>A work order in a list (docs/api.md §8), plus what FleetOps adds for pages: its checklist version, times and outcome.</summary>
public sealed record WorkOrderDto(
    long Id, string StoreCode, string? TerminalId, string Title, WorkOrderKind Kind, WorkOrderPriority Priority, WorkOrderState State,
    DateTimeOffset DueAt, string? Assignee, DateTimeOffset? ScheduledStart, DateTimeOffset? ScheduledEnd, long? AlertId, long? PlanId, bool Overdue,
    string Checklist, int ChecklistVersion, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? StartedAt, DateTimeOffset? ClosedAt,
    string? SignedBy, string? Reason)
{
    public static WorkOrderDto From(WorkOrder o, DateTimeOffset now) => new(o.Id, o.StoreCode, o.TerminalId, o.Title, o.Kind, o.Priority, o.State,
        o.DueAt, o.Assignee, o.ScheduledStart, o.ScheduledEnd, o.AlertId, o.PlanId, o.IsOverdue(now), o.ChecklistKey, o.ChecklistVersion,
        o.CreatedAt, o.CreatedBy, o.StartedAt, o.ClosedAt, o.SignedBy, o.Reason);
}
