using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Api;

/// <summary>
/// <c>POST /api/v1/maintenance/plans</c> (docs/api.md §8); <c>dueTime</c> (local <c>HH:mm</c>, default 17:00),
/// <c>estimatedMinutes</c> and <c>defaultTechnician</c> are FleetOps additions.
/// </summary>
public sealed record PlanRequest(
    string? Name, string? StoreCode, string? Model, IReadOnlyList<string>? TerminalIds, string? Checklist, EveryRequest? Every,
    RecurrenceBasis? Basis, DateOnly? StartsOn, WorkOrderKind? Kind, WorkOrderPriority? Priority, TimeOnly? DueTime, int? EstimatedMinutes,
    string? DefaultTechnician);
