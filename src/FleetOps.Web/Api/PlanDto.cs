using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Api;

/// <summary>A preventive plan as <c>GET /api/v1/maintenance/plans</c> lists it.</summary>
public sealed record PlanDto(
    long Id, string Name, string? StoreCode, string? Model, IReadOnlyList<string> TerminalIds, string Checklist, EveryRequest Every,
    RecurrenceBasis Basis, DateOnly StartsOn, TimeOnly DueTime, WorkOrderKind Kind, WorkOrderPriority Priority, int EstimatedMinutes,
    string? DefaultTechnician, bool Active, DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <param name="visibleTerminal">The terminals the reader may see (null: all): a plan reaching their stores and others lists
    /// only theirs, as the plans page counts only theirs; another store's terminal ids are not theirs to learn.</param>
    public static PlanDto From(MaintenancePlan p, Func<string, bool>? visibleTerminal = null) => new(p.Id, p.Name, p.StoreCode, p.Model,
        visibleTerminal is null ? p.TerminalIds : p.TerminalIds.Where(visibleTerminal).ToList(), p.Checklist,
        new EveryRequest(p.Every.Count, p.Every.Unit), p.Basis, p.StartsOn, p.DueTime, p.Kind, p.Priority, p.EstimatedMinutes, p.DefaultTechnician,
        p.Active, p.CreatedAt, p.CreatedBy);
}
