using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Api;

/// <summary><c>POST /api/v1/workorders</c> (docs/api.md §8); with <c>alertId</c> the rest defaults from the alert.</summary>
public sealed record CreateWorkOrderRequest(
    string? StoreCode, string? TerminalId, string? Title, WorkOrderKind? Kind, WorkOrderPriority? Priority, DateTimeOffset? DueAt, string? Checklist,
    long? AlertId);
