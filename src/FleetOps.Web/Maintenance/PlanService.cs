using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// Preventive plans, checklist templates and the work orders plans generate. Generation inserts each planned occurrence
/// on its own and ignores one whose (plan, subject, occurrence) row exists — inserted by an earlier run, before a restart,
/// or by another node at the same moment — and then takes the stored one into the book, so every node ends with the same
/// single work order.
/// </summary>
public sealed partial class PlanService(
    FleetDbContextFactory databases,
    MaintenanceBook book,
    StoreDirectory stores,
    FleetState fleet,
    UserDirectory users,
    IOptions<MaintenanceOptions> options,
    TimeProvider time,
    ILogger<PlanService> logger)
{
    public const string Generator = "plan generator";

    /// <summary>Templates, plans and work orders from the database into the book (start-up), after seeding the shipped checklists.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = databases.CreateDbContext();
        var seeded = await db.ChecklistTemplates.Select(t => t.Key).Distinct().ToListAsync(cancellationToken);
        foreach (var template in DefaultChecklists.All.Where(t => !seeded.Contains(t.Key)))
        {
            await InsertOrIgnoreAsync(db2 => db2.ChecklistTemplates.Add(MaintenanceRows.Row(template, "FleetOps", time.GetUtcNow())), cancellationToken);
        }
        var (templates, plans, orders) = await MaintenanceRows.LoadAllAsync(db, cancellationToken);
        book.Load(templates, plans, orders);
    }

    /// <summary>A new version of a template (administrators): open and finished work keep the version they pinned.</summary>
    public async Task<MaintenanceResult<ChecklistTemplate>> SaveTemplateAsync(string key, string? title, IReadOnlyList<ChecklistItem>? items,
        MaintenanceActor actor, string? address, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdministrator) return MaintenanceResult<ChecklistTemplate>.Refused(MaintenanceError.Forbidden, "Only administrators may edit checklists.");
        if (TemplateProblem(key, title, items) is { } problem) return MaintenanceResult<ChecklistTemplate>.Refused(MaintenanceError.Invalid, problem);
        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            var template = new ChecklistTemplate(key, (book.Template(key)?.Version ?? 0) + 1, title!.Trim(), items!);
            await using var db = databases.CreateDbContext();
            db.ChecklistTemplates.Add(MaintenanceRows.Row(template, actor.Name, time.GetUtcNow()));
            db.AuditEntries.Add(AuditLog.Row(time.GetUtcNow(), actor.Name, AuditActions.ChecklistTemplateSaved, $"checklist {key}",
                $"version {template.Version}, {items!.Count} items", address));
            await db.SaveChangesAsync(cancellationToken);
            book.PutTemplate(template);
            return MaintenanceResult<ChecklistTemplate>.Done(template);
        }
        finally
        {
            book.Gate.Release();
        }
    }

    /// <summary>
    /// A new plan. Store and terminal plans: administrators and regional managers of every store concerned. A model plan reaches
    /// every store with the model, so only administrators. Its first work orders are generated at once.
    /// </summary>
    public async Task<MaintenanceResult<MaintenancePlan>> CreateAsync(PlanDraft draft, MaintenanceActor actor, string? address,
        CancellationToken cancellationToken = default)
    {
        var (plan, error, problem) = Check(draft, actor);
        if (plan is null) return MaintenanceResult<MaintenancePlan>.Refused(error, problem!);
        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = databases.CreateDbContext();
            var row = MaintenanceRows.Row(plan);
            db.MaintenancePlans.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            plan = plan with { Id = row.Id };
            db.AuditEntries.Add(AuditLog.Row(plan.CreatedAt, actor.Name, AuditActions.MaintenancePlanCreated, $"plan {plan.Id}",
                $"{plan.Name}: every {plan.Every.Count} {plan.Every.Unit.ToWire()}, basis {plan.Basis.ToWire()}", address));
            await db.SaveChangesAsync(cancellationToken);
            book.PutPlan(plan);
        }
        finally
        {
            book.Gate.Release();
        }
        await GenerateAsync(cancellationToken);
        return MaintenanceResult<MaintenancePlan>.Done(plan);
    }

    /// <summary>What each plan calls for now, inserted once; returns how many work orders this run made.</summary>
    public async Task<int> GenerateAsync(CancellationToken cancellationToken = default)
    {
        var made = 0;
        var now = time.GetUtcNow();
        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var plan in book.Plans.Where(p => p.Active))
            {
                var existing = book.OfPlan(plan.Id);
                var known = existing.Select(o => (o.Subject, o.Occurrence)).ToHashSet();
                foreach (var due in PlanSchedule.Due(plan, Subjects(plan), existing, now, options.Value.GenerateDaysAhead))
                {
                    if (known.Contains((due.Subject.Key, due.Occurrence))) continue;
                    var order = Order(plan, due, now);
                    WorkOrderRow? row = null;
                    if (await InsertOrIgnoreAsync(db => db.WorkOrders.Add(row = MaintenanceRows.Copy(order, now)), cancellationToken))
                    {
                        book.Put(order with { Id = row!.Id });
                        made++;
                        continue;
                    }
                    await using var db = databases.CreateDbContext();
                    if (await MaintenanceRows.FindAsync(db, plan.Id, due.Subject.Key, due.Occurrence, cancellationToken) is { } theirs) book.Put(theirs);
                }
            }
        }
        finally
        {
            book.Gate.Release();
        }
        if (made > 0) LogGenerated(made);
        return made;
    }

    /// <summary>The stores or terminals a plan covers now (a model plan follows the fleet: new terminals of the model join).</summary>
    public IReadOnlyList<PlanSubject> Subjects(MaintenancePlan plan)
    {
        PlanSubject? Of(string storeCode, string? terminalId) =>
            stores.Get(storeCode) is { } store ? new PlanSubject(store.Code, terminalId, StoreTime.Find(store.TimeZone) ?? TimeZoneInfo.Utc) : null;
        if (plan.StoreCode is { } code) return Of(code, null) is { } s ? [s] : [];
        var terminals = plan.Model is { } model
            ? fleet.All.Where(t => string.Equals(t.Model, model, StringComparison.OrdinalIgnoreCase))
            : plan.TerminalIds.Select(fleet.Get).OfType<TerminalSnapshot>();
        return terminals.Where(t => !t.Registration.Decommissioned).OrderBy(t => t.TerminalId, StringComparer.Ordinal)
            .Select(t => Of(t.StoreCode, t.TerminalId)).OfType<PlanSubject>().ToList();
    }

    /// <summary>A generated work order: scheduled to the plan's technician, booked to finish by the due time, when it has one.</summary>
    private WorkOrder Order(MaintenancePlan plan, PlannedOccurrence due, DateTimeOffset now)
    {
        var technician = plan.DefaultTechnician is { } email ? users.All.FirstOrDefault(u => !u.Disabled && string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)) : null;
        var template = book.Template(plan.Checklist);
        var order = new WorkOrder(0, due.Subject.StoreCode, due.Subject.TerminalId, plan.Name, plan.Kind, plan.Priority, WorkOrderState.Open, due.DueAt,
            plan.Checklist, template?.Version ?? 1, now, Generator) { PlanId = plan.Id, Occurrence = due.Occurrence };
        return technician is null ? order : order with
        {
            State = WorkOrderState.Scheduled, Assignee = technician.Email,
            ScheduledStart = due.DueAt.AddMinutes(-plan.EstimatedMinutes), ScheduledEnd = due.DueAt,
        };
    }

    /// <summary>Adds a row in a context of its own; false when a row with its unique key already exists.</summary>
    private async Task<bool> InsertOrIgnoreAsync(Action<FleetDbContext> add, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        add(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    private (MaintenancePlan? Plan, MaintenanceError Error, string? Problem) Check(PlanDraft d, MaintenanceActor actor)
    {
        (MaintenancePlan?, MaintenanceError, string?) Invalid(string problem) => (null, MaintenanceError.Invalid, problem);
        if (MaintenanceService.Text("name", d.Name, MaintenanceService.MaxTitleLength, required: true) is { } nameProblem) return Invalid(nameProblem);
        var targets = (d.StoreCode is null ? 0 : 1) + (d.Model is null ? 0 : 1) + (d.TerminalIds is null ? 0 : 1);
        if (targets != 1) return Invalid("A plan names exactly one of 'storeCode', 'model' or 'terminalIds'.");
        if (d.EveryCount is not { } count || Recurrence.Problem(count) is not null) return Invalid(Recurrence.Problem(d.EveryCount ?? 0)!);
        if (d.EveryUnit is null) return Invalid($"'every.unit' {WireNames.OneOf<RecurrenceUnit>()}");
        if (d.StartsOn is null) return Invalid("'startsOn' is required.");
        if (d.EstimatedMinutes is < 1 or > 24 * 60) return Invalid("'estimatedMinutes' must be from 1 to 1440.");
        if (book.Template(d.Checklist ?? "") is null) return Invalid($"There is no checklist '{d.Checklist}'.");
        IReadOnlyList<string> storesConcerned;
        var terminalIds = new List<string>();
        if (d.StoreCode is { } code)
        {
            if (TextRules.Problem("storeCode", code) is not null || stores.Get(code.Trim()) is null) return Invalid($"There is no store '{code}'.");
            storesConcerned = [stores.Get(code.Trim())!.Code];
        }
        else if (d.Model is { } model)
        {
            if (TextRules.Problem("model", model) is not null || !fleet.All.Any(t => string.Equals(t.Model, model, StringComparison.OrdinalIgnoreCase)))
                return Invalid($"Model '{model}' has no terminals.");
            if (!actor.IsAdministrator) return (null, MaintenanceError.Forbidden, "Only administrators may plan for a whole model.");
            storesConcerned = [];
        }
        else
        {
            if (d.TerminalIds!.Count is 0 or > 1000) return Invalid("'terminalIds' must list 1–1000 terminals.");
            foreach (var id in d.TerminalIds)
            {
                if (string.IsNullOrWhiteSpace(id) || TextRules.Problem("terminalIds", id) is not null || fleet.Get(id.Trim()) is not { } terminal)
                    return Invalid($"There is no terminal '{id}'.");
                terminalIds.Add(terminal.TerminalId);
            }
            storesConcerned = terminalIds.Select(t => fleet.Get(t)!.StoreCode).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
        if (!storesConcerned.All(s => actor.CanDispatch(s, stores)) || !(actor.IsAdministrator || actor.Role == Roles.RegionalManager))
            return (null, MaintenanceError.Forbidden, "Only administrators and regional managers of every store concerned may plan maintenance.");
        if (d.DefaultTechnician is { } email && !users.All.Any(u => !u.Disabled && string.Equals(u.Email, email.Trim(), StringComparison.OrdinalIgnoreCase)))
            return Invalid($"There is no user '{email}'.");
        var modelAsRegistered = d.Model is null ? null : fleet.All.First(t => string.Equals(t.Model, d.Model, StringComparison.OrdinalIgnoreCase)).Model;
        return (new MaintenancePlan(0, d.Name!.Trim(), storesConcerned.Count == 1 && d.StoreCode is not null ? storesConcerned[0] : null, modelAsRegistered, terminalIds,
            d.Checklist!, new Recurrence(count, d.EveryUnit.Value), d.Basis ?? RecurrenceBasis.Schedule, d.StartsOn.Value,
            d.DueTime ?? MaintenancePlan.DefaultDueTime, d.Kind ?? WorkOrderKind.Inspection, d.Priority ?? WorkOrderPriority.Normal,
            d.EstimatedMinutes ?? MaintenancePlan.DefaultEstimatedMinutes, d.DefaultTechnician?.Trim(), time.GetUtcNow(), actor.Name), MaintenanceError.None, null);
    }

    private static string? TemplateProblem(string key, string? title, IReadOnlyList<ChecklistItem>? items)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(key, "^[a-z][a-z0-9_]{0,63}$")) return "A checklist key is lower-case ASCII letters, digits and '_' (at most 64).";
        if (MaintenanceService.Text("title", title, MaintenanceService.MaxTitleLength, required: true) is { } titleProblem) return titleProblem;
        if (items is not { Count: > 0 and <= ChecklistTemplate.MaxItems }) return $"'items' must list 1–{ChecklistTemplate.MaxItems} items.";
        if (items.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count() != items.Count) return "Each item's 'key' must be unique.";
        foreach (var item in items)
        {
            if (item.Key is null || !System.Text.RegularExpressions.Regex.IsMatch(item.Key, "^[a-z][a-z0-9_]{0,63}$"))
                return "An item key is lower-case ASCII letters, digits and '_' (at most 64).";
            if (MaintenanceService.Text("label", item.Label, MaintenanceService.MaxTitleLength, required: true) is { } labelProblem) return labelProblem;
            if (item.Min > item.Max) return $"Item '{item.Key}': 'min' must not be above 'max'.";
            if ((item.Min is not null || item.Max is not null) && item.Type != ChecklistItemType.Number) return $"Item '{item.Key}': only a number has limits.";
            if (item.Unit is { Length: > 32 }) return $"Item '{item.Key}': 'unit' may be at most 32 characters.";
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Maintenance plans generated {Count} work orders")]
    private partial void LogGenerated(int count);
}
