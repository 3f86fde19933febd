using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// A work order someone asks for (docs/api.md §8 <c>POST /api/v1/workorders</c>). With <see cref="AlertId"/>, the store,
/// terminal, title, kind, checklist and due time default from the alert.
/// </summary>
public sealed record WorkOrderDraft(
    string? StoreCode = null,
    string? TerminalId = null,
    string? Title = null,
    WorkOrderKind? Kind = null,
    WorkOrderPriority? Priority = null,
    DateTimeOffset? DueAt = null,
    string? Checklist = null,
    long? AlertId = null);
