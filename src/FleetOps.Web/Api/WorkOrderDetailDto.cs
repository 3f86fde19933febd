using FleetOps.Core.Maintenance;
using FleetOps.Web.Maintenance;

namespace FleetOps.Web.Api;

/// <summary>
/// <c>GET /api/v1/workorders/{id}</c>: the work order, the checklist at the version it pinned, the results recorded (each
/// with whether it was flagged), its photos, and the evidence of the alert it was raised from.
/// </summary>
public sealed record WorkOrderDetailDto(
    WorkOrderDto WorkOrder, ChecklistDto Checklist, IReadOnlyList<ResultDto> Results, IReadOnlyList<PhotoDto> Photos, AlertDto? Alert)
{
    public static WorkOrderDetailDto From(WorkOrder o, ChecklistTemplate template, IReadOnlyList<WorkOrderPhoto> photos, AlertDto? alert, DateTimeOffset now) =>
        new(WorkOrderDto.From(o, now), ChecklistDto.From(template),
            o.Results.Select(r => new ResultDto(r.Item, r.Value, r.Note, o.Flagged.Contains(r.Item))).ToList(),
            photos.Select(PhotoDto.From).ToList(), alert);
}
