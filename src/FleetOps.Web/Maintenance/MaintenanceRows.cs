using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Maintenance;

/// <summary>Templates, plans and work orders to and from their tables.</summary>
internal static class MaintenanceRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<(List<ChecklistTemplate> Templates, List<MaintenancePlan> Plans, List<WorkOrder> Orders)> LoadAllAsync(
        FleetDbContext db, CancellationToken cancellationToken, bool withOrders = true)
    {
        var templates = (await db.ChecklistTemplates.AsNoTracking().ToListAsync(cancellationToken)).Select(ToTemplate).ToList();
        var plans = (await db.MaintenancePlans.AsNoTracking().ToListAsync(cancellationToken)).Select(ToPlan).ToList();
        if (!withOrders) return (templates, plans, []);
        var results = (await db.WorkOrderResults.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(r => r.WorkOrderId);
        var orders = (await db.WorkOrders.AsNoTracking().ToListAsync(cancellationToken)).Select(r => ToOrder(r, results[r.Id])).ToList();
        return (templates, plans, orders);
    }

    /// <summary>
    /// The work orders named, and every one whose id is not in <paramref name="held"/> (made on another node, its id unknown
    /// to the notice): the ids are one column, the rows read in full only for those.
    /// </summary>
    public static async Task<List<WorkOrder>> LoadChangedOrdersAsync(FleetDbContext db, IReadOnlyCollection<long> named, Func<long, bool> held,
        CancellationToken cancellationToken)
    {
        var all = await db.WorkOrders.AsNoTracking().Select(w => w.Id).ToListAsync(cancellationToken);
        var wanted = all.Where(id => named.Contains(id) || !held(id)).ToList();
        if (wanted.Count == 0) return [];
        var results = (await db.WorkOrderResults.AsNoTracking().Where(r => wanted.Contains(r.WorkOrderId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.WorkOrderId);
        return (await db.WorkOrders.AsNoTracking().Where(w => wanted.Contains(w.Id)).ToListAsync(cancellationToken))
            .Select(r => ToOrder(r, results[r.Id])).ToList();
    }

    /// <summary>The stored work order, its row tracked for an update that expects the row as read.</summary>
    public static async Task<(WorkOrderRow Row, WorkOrder Order)?> ReadForChangeAsync(FleetDbContext db, long id, CancellationToken cancellationToken)
    {
        if (await db.WorkOrders.FirstOrDefaultAsync(w => w.Id == id, cancellationToken) is not { } row) return null;
        var results = await db.WorkOrderResults.AsNoTracking().Where(r => r.WorkOrderId == id).ToListAsync(cancellationToken);
        return (row, ToOrder(row, results));
    }

    /// <summary>Whether two copies of a work order would be stored alike (its row and its checklist answers).</summary>
    public static bool SameOrder(WorkOrder a, WorkOrder b) =>
        JsonSerializer.Serialize(Copy(a, DateTimeOffset.UnixEpoch), Json) == JsonSerializer.Serialize(Copy(b, DateTimeOffset.UnixEpoch), Json)
        && a.Results.SequenceEqual(b.Results) && a.Flagged.SetEquals(b.Flagged);

    /// <summary>A stored order without its checklist answers (a plan's edit reads only untouched orders, which have none).</summary>
    public static WorkOrder Unanswered(WorkOrderRow row) => ToOrder(row, []);

    public static async Task<WorkOrder?> FindAsync(FleetDbContext db, long planId, string subject, string occurrence, CancellationToken cancellationToken) =>
        await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(w => w.PlanId == planId && w.Subject == subject && w.Occurrence == occurrence, cancellationToken)
            is { } row ? Unanswered(row) : null;

    public static async Task<WorkOrder?> FindFollowUpAsync(FleetDbContext db, long parentId, string item, CancellationToken cancellationToken) =>
        await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(w => w.FollowUpOf == parentId && w.FollowUpItem == item, cancellationToken)
            is { } row ? Unanswered(row) : null;

    public static ChecklistTemplateRow Row(ChecklistTemplate template, string actor, DateTimeOffset now) => new()
    {
        Key = template.Key, Version = template.Version, Title = template.Title, ItemsJson = JsonSerializer.Serialize(template.Items, Json),
        CreatedBy = actor, CreatedAtMs = now.ToUnixTimeMilliseconds(),
    };

    public static ChecklistTemplate ToTemplate(ChecklistTemplateRow row) =>
        new(row.Key, row.Version, row.Title, JsonSerializer.Deserialize<List<ChecklistItem>>(row.ItemsJson, Json) ?? []);

    public static MaintenancePlanRow Row(MaintenancePlan plan) => new()
    {
        Id = plan.Id, Name = plan.Name, StoreCode = plan.StoreCode, Model = plan.Model,
        TerminalIds = plan.TerminalIds.Count == 0 ? null : string.Join(',', plan.TerminalIds), Checklist = plan.Checklist,
        EveryCount = plan.Every.Count, EveryUnit = plan.Every.Unit.ToWire(), Basis = plan.Basis.ToWire(),
        StartsOn = plan.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DueTime = plan.DueTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        Kind = plan.Kind.ToWire(), Priority = plan.Priority.ToWire(), EstimatedMinutes = plan.EstimatedMinutes,
        DefaultTechnician = plan.DefaultTechnician, Active = plan.Active, CreatedBy = plan.CreatedBy, CreatedAtMs = plan.CreatedAt.ToUnixTimeMilliseconds(),
    };

    private static MaintenancePlan ToPlan(MaintenancePlanRow r) =>
        new(r.Id, r.Name, r.StoreCode, r.Model, r.TerminalIds?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [], r.Checklist,
            new Recurrence(r.EveryCount, Parse(r.EveryUnit, RecurrenceUnit.Day)), Parse(r.Basis, RecurrenceBasis.Schedule),
            DateOnly.ParseExact(r.StartsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeOnly.ParseExact(r.DueTime, "HH:mm", CultureInfo.InvariantCulture),
            Parse(r.Kind, WorkOrderKind.Other), Parse(r.Priority, WorkOrderPriority.Normal), r.EstimatedMinutes, r.DefaultTechnician,
            At(r.CreatedAtMs), r.CreatedBy) { Active = r.Active };

    /// <summary>A new row, or the changed columns of an existing one (<paramref name="row"/>).</summary>
    public static WorkOrderRow Copy(WorkOrder o, DateTimeOffset now, WorkOrderRow? row = null)
    {
        row ??= new WorkOrderRow
        {
            StoreCode = o.StoreCode, Subject = o.Subject, Title = o.Title, Kind = "", Priority = "", State = "", ChecklistKey = o.ChecklistKey,
            CreatedBy = o.CreatedBy, CreatedAtMs = o.CreatedAt.ToUnixTimeMilliseconds(),
        };
        row.TerminalId = o.TerminalId;
        row.Title = o.Title;
        row.Kind = o.Kind.ToWire();
        row.Priority = o.Priority.ToWire();
        row.State = o.State.ToWire();
        row.DueAtMs = o.DueAt.ToUnixTimeMilliseconds();
        row.ChecklistVersion = o.ChecklistVersion;
        row.Assignee = o.Assignee;
        row.ScheduledStartMs = o.ScheduledStart?.ToUnixTimeMilliseconds();
        row.ScheduledEndMs = o.ScheduledEnd?.ToUnixTimeMilliseconds();
        row.AlertId = o.AlertId;
        row.PlanId = o.PlanId;
        row.Occurrence = o.Occurrence;
        row.StartedAtMs = o.StartedAt?.ToUnixTimeMilliseconds();
        row.ClosedAtMs = o.ClosedAt?.ToUnixTimeMilliseconds();
        row.SignedBy = o.SignedBy;
        row.Reason = o.Reason;
        row.MuteId = o.MuteId;
        row.FollowUpOf = o.FollowUpOf;
        row.FollowUpItem = o.FollowUpItem;
        row.UpdatedAtMs = now.ToUnixTimeMilliseconds();
        return row;
    }

    /// <summary>
    /// The order as its row keeps it (times to the millisecond, in UTC), with its answers: what the book holds after a
    /// change, so that this node shows what a restart or another node reads back, not the caller's offset and ticks.
    /// </summary>
    public static WorkOrder AsStored(WorkOrder order, WorkOrderRow row) =>
        ToOrder(row, []) with
        {
            Results = order.Results,
            // Only answered items are stored, so only they can be flagged after a reload.
            Flagged = order.Flagged.Where(item => order.Results.Any(r => r.Item == item)).ToHashSet(StringComparer.Ordinal),
        };

    private static WorkOrder ToOrder(WorkOrderRow r, IEnumerable<WorkOrderResultRow> results)
    {
        var answers = results.ToList();
        return new WorkOrder(r.Id, r.StoreCode, r.TerminalId, r.Title, Parse(r.Kind, WorkOrderKind.Other), Parse(r.Priority, WorkOrderPriority.Normal),
            Parse(r.State, WorkOrderState.Open), At(r.DueAtMs), r.ChecklistKey, r.ChecklistVersion, At(r.CreatedAtMs), r.CreatedBy)
        {
            Assignee = r.Assignee, ScheduledStart = AtOrNull(r.ScheduledStartMs), ScheduledEnd = AtOrNull(r.ScheduledEndMs), AlertId = r.AlertId,
            PlanId = r.PlanId, Occurrence = r.Occurrence, StartedAt = AtOrNull(r.StartedAtMs), ClosedAt = AtOrNull(r.ClosedAtMs),
            SignedBy = r.SignedBy, Reason = r.Reason, MuteId = r.MuteId, FollowUpOf = r.FollowUpOf, FollowUpItem = r.FollowUpItem,
            Results = answers.Select(a => new ChecklistAnswer(a.Item, a.Value, a.Note)).ToList(),
            Flagged = answers.Where(a => a.Flagged).Select(a => a.Item).ToHashSet(StringComparer.Ordinal),
        };
    }

    private static T Parse<T>(string text, T fallback) where T : struct, Enum => WireNames.TryParse(text, out T value) ? value : fallback;

    private static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? AtOrNull(long? ms) => ms is { } v ? At(v) : null;
}
