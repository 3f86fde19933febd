using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Maintenance;

/// <summary>A preventive plan someone asks for (docs/api.md §8 <c>POST /api/v1/maintenance/plans</c>); exactly one target.</summary>
public sealed record PlanDraft(
    string? Name,
    string? StoreCode,
    string? Model,
    IReadOnlyList<string>? TerminalIds,
    string? Checklist,
    int? EveryCount,
    RecurrenceUnit? EveryUnit,
    RecurrenceBasis? Basis,
    DateOnly? StartsOn,
    WorkOrderKind? Kind,
    WorkOrderPriority? Priority,
    TimeOnly? DueTime = null,
    int? EstimatedMinutes = null,
    string? DefaultTechnician = null);
