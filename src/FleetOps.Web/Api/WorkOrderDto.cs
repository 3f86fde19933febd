using System.Text.Json.Serialization;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Maintenance;

namespace FleetOps.Web.Api;

/// <summary>
/// A work order (docs/api.md §8) with what FleetOps adds for pages: its checklist's key and pinned version, times and
/// outcome. <c>GET /api/v1/workorders/{id}</c> also fills <see cref="Checklist"/> (the pinned version), <see cref="Results"/>
/// (each flagged or not), <see cref="Photos"/> (drawn signatures too), the <see cref="Alert"/> it was raised from and the ids of
/// its <see cref="FollowUps"/>; lists leave them out. <see cref="FollowUpOf"/>/<see cref="FollowUpItem"/>: the work order and
/// item a follow-up was raised from.
/// </summary>
public sealed record WorkOrderDto(
    long Id, string StoreCode, string? TerminalId, string Title, WorkOrderKind Kind, WorkOrderPriority Priority, WorkOrderState State,
    DateTimeOffset DueAt, string? Assignee, DateTimeOffset? ScheduledStart, DateTimeOffset? ScheduledEnd, long? AlertId, long? PlanId, bool Overdue,
    string ChecklistKey, int ChecklistVersion, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? StartedAt, DateTimeOffset? ClosedAt,
    string? SignedBy, string? Reason)
{
    public long? FollowUpOf { get; init; }

    public string? FollowUpItem { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChecklistDto? Checklist { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ResultDto>? Results { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PhotoDto>? Photos { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<long>? FollowUps { get; init; }

    /// <summary>
    /// The alert's evidence: kind, title, opened, occurrences, subject. Left out when not raised from an alert, and in lists
    /// (as the other detail fields): a list's <c>"alert": null</c> beside an <c>alertId</c> read as "the alert is gone".
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AlertDto? Alert { get; init; }

    public static WorkOrderDto From(WorkOrder o, DateTimeOffset now) => new(o.Id, o.StoreCode, o.TerminalId, o.Title, o.Kind, o.Priority, o.State,
        o.DueAt, o.Assignee, o.ScheduledStart, o.ScheduledEnd, o.AlertId, o.PlanId, o.IsOverdue(now), o.ChecklistKey, o.ChecklistVersion,
        o.CreatedAt, o.CreatedBy, o.StartedAt, o.ClosedAt, o.SignedBy, o.Reason) { FollowUpOf = o.FollowUpOf, FollowUpItem = o.FollowUpItem };

    public static WorkOrderDto Detail(WorkOrder o, ChecklistTemplate template, IReadOnlyList<WorkOrderPhoto> photos, AlertDto? alert,
        IReadOnlyList<WorkOrder> followUps, DateTimeOffset now) =>
        From(o, now) with
        {
            Checklist = ChecklistDto.From(template),
            Results = o.Results.Select(r => new ResultDto(r.Item, r.Value, r.Note, o.Flagged.Contains(r.Item))).ToList(),
            Photos = photos.Select(PhotoDto.From).ToList(),
            Alert = alert,
            FollowUps = followUps.Select(f => f.Id).ToList(),
        };
}
