using System.Text.RegularExpressions;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;
using FleetOps.Web.Cluster;
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
    ChangeAnnouncer announcer,
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
        if (TemplateProblem(key, title, items) is ({ } field, { } problem))
            return MaintenanceResult<ChecklistTemplate>.Refused(MaintenanceError.Invalid, problem, field);
        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            var template = new ChecklistTemplate(key, (book.Template(key)?.Version ?? 0) + 1, title!.Trim(), items!);
            await using var db = databases.CreateDbContext();
            db.ChecklistTemplates.Add(MaintenanceRows.Row(template, actor.Name, time.GetUtcNow()));
            db.AuditEntries.Add(AuditLog.Row(time.GetUtcNow(), actor.Name, AuditActions.ChecklistTemplateSaved, $"checklist {key}",
                $"version {template.Version}, {AuditLog.Counted(items!.Count, "item", "items")}", address));
            announcer.Stage(db, BookKinds.MaintenancePlan, BookChange.Of()); // templates: the other nodes take every version new to them
            await db.SaveChangesAsync(cancellationToken);
            await announcer.WakeAsync(db, cancellationToken);
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
        var (plan, error, problem, field) = Check(draft, actor);
        if (plan is null) return MaintenanceResult<MaintenancePlan>.Refused(error, problem!, field);
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
            announcer.Stage(db, BookKinds.MaintenancePlan, BookChange.Of(plan.Id));
            await db.SaveChangesAsync(cancellationToken);
            await announcer.WakeAsync(db, cancellationToken);
            book.PutPlan(plan);
        }
        finally
        {
            book.Gate.Release();
        }
        await GenerateAsync(cancellationToken);
        return MaintenanceResult<MaintenancePlan>.Done(plan);
    }

    /// <summary>
    /// Ends a plan (who may create it may end it): it generates nothing more and its visits no longer show ahead. The work
    /// orders it made stay as they are — done ones are history, open ones are real bookings a dispatcher cancels or keeps.
    /// </summary>
    public async Task<MaintenanceResult<MaintenancePlan>> EndAsync(long id, MaintenanceActor actor, string? address, CancellationToken cancellationToken = default)
    {
        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            if (book.Plan(id) is not { } plan || !Reaches(plan, actor.Scope))
                return MaintenanceResult<MaintenancePlan>.Refused(MaintenanceError.NotFound, $"There is no plan {id} among your stores' plans.");
            if (!CanManage(plan, actor))
                return MaintenanceResult<MaintenancePlan>.Refused(MaintenanceError.Forbidden,
                    plan.Model is null ? "Only administrators and regional managers of every store concerned may plan maintenance." : "Only administrators may plan for a whole model.");
            if (!plan.Active) return MaintenanceResult<MaintenancePlan>.Refused(MaintenanceError.Conflict, $"Plan {id} has already ended.");
            var ended = plan with { Active = false };
            await using var db = databases.CreateDbContext();
            var row = await db.MaintenancePlans.FirstAsync(p => p.Id == id, cancellationToken);
            row.Active = false;
            var open = book.OfPlan(id).Count(o => o.IsOpen);
            db.AuditEntries.Add(AuditLog.Row(time.GetUtcNow(), actor.Name, AuditActions.MaintenancePlanEnded, $"plan {id}",
                $"{plan.Name}: ended, {open} open work orders kept", address));
            announcer.Stage(db, BookKinds.MaintenancePlan, BookChange.Of(id));
            await db.SaveChangesAsync(cancellationToken);
            await announcer.WakeAsync(db, cancellationToken);
            book.PutPlan(ended);
            return MaintenanceResult<MaintenancePlan>.Done(ended);
        }
        finally
        {
            book.Gate.Release();
        }
    }

    /// <summary>Whether the plan reaches one of the stores of <paramref name="scope"/> (who may see it at all).</summary>
    public bool Reaches(MaintenancePlan plan, FleetOps.Core.Access.AccessScope scope) =>
        scope.Everything || Subjects(plan).Any(s => scope.AllowsStore(s.StoreCode, stores));

    /// <summary>
    /// Whether the person may end the plan, by the rule that lets them create it: a model plan is the administrators'; a store
    /// or terminal plan belongs to administrators and regional managers of every store it covers.
    /// </summary>
    public bool CanManage(MaintenancePlan plan, MaintenanceActor actor) =>
        MayPlan(plan.Model is not null, Subjects(plan).Select(s => s.StoreCode), actor);

    /// <summary>The one rule for making and ending plans: a model is the administrators'; stores need a dispatcher of each.</summary>
    private bool MayPlan(bool forModel, IEnumerable<string> storeCodes, MaintenanceActor actor) => forModel
        ? actor.IsAdministrator
        : (actor.IsAdministrator || actor.Role == Roles.RegionalManager) && storeCodes.All(s => actor.CanDispatch(s, stores));

    /// <summary>
    /// A plan's visits between two local dates, with their work orders once generated: what the calendar shows ahead on a
    /// schedule basis (an ended plan: only what it made), and on a completion basis the open work order, the only one known.
    /// </summary>
    public IReadOnlyList<PlanVisit> Visits(MaintenancePlan plan, IReadOnlyList<PlanSubject> subjects, DateOnly from, DateOnly through)
    {
        var orders = book.OfPlan(plan.Id);
        var made = orders.Where(o => o.Occurrence is not null).ToDictionary(o => (o.Subject, o.Occurrence!), o => o);
        var scheduled = PlanSchedule.Upcoming(plan, subjects, from, through)
            .Select(u => new PlanVisit(u.Subject.StoreCode, u.Subject.TerminalId, u.Date, u.DueAt, made.GetValueOrDefault((u.Subject.Key, u.Occurrence))?.Id))
            .Where(v => plan.Active || v.WorkOrderId is not null);
        var open = plan.Basis == RecurrenceBasis.Completion
            ? orders.Where(o => o.IsOpen).Join(subjects, o => o.Subject, s => s.Key, (o, s) =>
                new PlanVisit(o.StoreCode, o.TerminalId, Recurrence.LocalDate(o.DueAt, s.Zone), o.DueAt, o.Id))
            : [];
        return scheduled.Concat(open).OrderBy(v => v.DueAt).ToList();
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
                    // The id is not known before the insert: the notice names none, and the other nodes take every order new to them.
                    if (await InsertOrIgnoreAsync(db =>
                        {
                            db.WorkOrders.Add(row = MaintenanceRows.Copy(order, now));
                            announcer.Stage(db, BookKinds.WorkOrder, BookChange.Of());
                        }, cancellationToken))
                    {
                        book.Put(MaintenanceRows.AsStored(order, row!));
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

    /// <summary>Who the plan's work is booked to: its technician while they are a person who may sign in, else nobody.</summary>
    private UserAccess? Technician(MaintenancePlan plan) =>
        plan.DefaultTechnician is { } email && users.ByEmail(email) is { Disabled: false } person ? person : null;

    /// <summary>A generated work order: scheduled to the plan's technician, booked to finish by the due time, when it has one.</summary>
    private WorkOrder Order(MaintenancePlan plan, PlannedOccurrence due, DateTimeOffset now)
    {
        var technician = Technician(plan);
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
            await announcer.WakeAsync(db, cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    private (MaintenancePlan? Plan, MaintenanceError Error, string? Problem, string? Field) Check(PlanDraft d, MaintenanceActor actor)
    {
        (MaintenancePlan?, MaintenanceError, string?, string?) Invalid(string field, string problem) => (null, MaintenanceError.Invalid, problem, field);
        if (MaintenanceService.Text("name", d.Name, MaintenanceService.MaxTitleLength, required: true) is { } nameProblem) return Invalid("name", nameProblem);
        var targets = (d.StoreCode is null ? 0 : 1) + (d.Model is null ? 0 : 1) + (d.TerminalIds is null ? 0 : 1);
        if (targets != 1) return Invalid("subject", "A plan names exactly one of 'storeCode', 'model' or 'terminalIds'.");
        if (d.EveryCount is not { } count || Recurrence.Problem(count) is not null) return Invalid("every.count", Recurrence.Problem(d.EveryCount ?? 0)!);
        if (d.EveryUnit is null) return Invalid("every.unit", $"'every.unit' {WireNames.OneOf<RecurrenceUnit>()}");
        if (d.StartsOn is null) return Invalid("startsOn", "'startsOn' is required.");
        if (d.EstimatedMinutes is < 1 or > 24 * 60) return Invalid("estimatedMinutes", "'estimatedMinutes' must be from 1 to 1440.");
        // The text rule before each look-up below, whose message quotes what was given.
        foreach (var (field, given) in new[] { ("checklist", d.Checklist), ("storeCode", d.StoreCode), ("model", d.Model) }
                     .Concat((d.TerminalIds ?? []).Select(id => ("terminalIds", (string?)id))))
        {
            if (given is not null && TextRules.Problem(field, given) is { } textProblem) return Invalid(field, textProblem);
        }
        if (book.Template(d.Checklist ?? "") is null) return Invalid("checklist", $"There is no checklist '{d.Checklist}'.");
        IReadOnlyList<string> storesConcerned;
        var terminalIds = new List<string>();
        if (d.StoreCode is { } code)
        {
            // No store chosen is a missing field, not a store that does not exist (the form shows "Choose a store.").
            if (string.IsNullOrWhiteSpace(code)) return Invalid("storeCode", "'storeCode' is required.");
            if (TextRules.Problem("storeCode", code) is not null || stores.Get(code.Trim()) is null) return Invalid("storeCode", $"There is no store '{code}'.");
            storesConcerned = [stores.Get(code.Trim())!.Code];
        }
        else if (d.Model is { } model)
        {
            if (TextRules.Problem("model", model) is not null || !fleet.All.Any(t => string.Equals(t.Model, model, StringComparison.OrdinalIgnoreCase)))
                return Invalid("model", $"Model '{model}' has no terminals.");
            if (!actor.IsAdministrator) return (null, MaintenanceError.Forbidden, "Only administrators may plan for a whole model.", "model");
            storesConcerned = [];
        }
        else
        {
            if (d.TerminalIds!.Count is 0 or > 1000) return Invalid("terminalIds", "'terminalIds' must list 1–1000 terminals.");
            foreach (var id in d.TerminalIds)
            {
                if (string.IsNullOrWhiteSpace(id) || TextRules.Problem("terminalIds", id) is not null || fleet.Get(id.Trim()) is not { } terminal)
                    return Invalid("terminalIds", $"There is no terminal '{id}'.");
                // Named twice (in any letter case) is still one subject: one work order and one visit a date.
                if (!terminalIds.Contains(terminal.TerminalId, StringComparer.OrdinalIgnoreCase)) terminalIds.Add(terminal.TerminalId);
            }
            storesConcerned = terminalIds.Select(t => fleet.Get(t)!.StoreCode).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
        if (d.Model is null && !MayPlan(forModel: false, storesConcerned, actor))
            return (null, MaintenanceError.Forbidden, "Only administrators and regional managers of every store concerned may plan maintenance.", null);
        if (d.DefaultTechnician is { } email && TechnicianProblem(email, d.Model is { } planned ? StoresWithModel(planned) : storesConcerned) is { } technicianProblem)
            return Invalid("defaultTechnician", technicianProblem);
        var modelAsRegistered = d.Model is null ? null : fleet.All.First(t => string.Equals(t.Model, d.Model, StringComparison.OrdinalIgnoreCase)).Model;
        return (new MaintenancePlan(0, d.Name!.Trim(), storesConcerned.Count == 1 && d.StoreCode is not null ? storesConcerned[0] : null, modelAsRegistered, terminalIds,
            d.Checklist!, new Recurrence(count, d.EveryUnit.Value), d.Basis ?? RecurrenceBasis.Schedule, d.StartsOn.Value,
            d.DueTime ?? MaintenancePlan.DefaultDueTime, d.Kind ?? WorkOrderKind.Inspection, d.Priority ?? WorkOrderPriority.Normal,
            d.EstimatedMinutes ?? MaintenancePlan.DefaultEstimatedMinutes, d.DefaultTechnician?.Trim(), time.GetUtcNow(), actor.Name), MaintenanceError.None, null, null);
    }

    /// <summary>
    /// Why the plan's technician cannot be booked its work: the booking's own rule (<see cref="TechnicianRule"/>), asked of
    /// every store the plan reaches now, so generated work is never scheduled to someone who may not see it.
    /// </summary>
    private string? TechnicianProblem(string email, IEnumerable<string> storeCodes)
    {
        // The text rule before the look-up's message, which quotes what was given.
        if (TextRules.Problem("defaultTechnician", email) is { } textProblem) return textProblem;
        var person = users.All.FirstOrDefault(u => string.Equals(u.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
        if (person is null) return $"There is no user '{email}'.";
        if (person.Disabled) return $"The user '{person.Email}' is disabled: no work can be booked to them.";
        return storeCodes.Select(code => TechnicianRule.Problem(person, code, stores)).FirstOrDefault(p => p is not null);
    }

    private IReadOnlyList<string> StoresWithModel(string model) => fleet.All
        .Where(t => !t.Registration.Decommissioned && string.Equals(t.Model, model, StringComparison.OrdinalIgnoreCase))
        .Select(t => t.StoreCode).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Why a template cannot be kept, and the field it is about (<c>items[i]</c>: the item a form shows it at).</summary>
    private static (string? Field, string? Problem) TemplateProblem(string key, string? title, IReadOnlyList<ChecklistItem>? items)
    {
        if (!IsKey(key)) return ("key", "A checklist key is lower-case ASCII letters, digits and '_' (at most 64).");
        // A key is ASCII letters and digits, so it can still carry a card number ("a4111111111111111"): the text rule too.
        if (TextRules.Problem("key", key) is { } keyProblem) return ("key", keyProblem);
        if (MaintenanceService.Text("title", title, MaintenanceService.MaxTitleLength, required: true) is { } titleProblem) return ("title", titleProblem);
        if (items is not { Count: > 0 and <= ChecklistTemplate.MaxItems }) return ("items", $"'items' must list 1–{ChecklistTemplate.MaxItems} items.");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null) return ($"items[{i}]", "Each item is an object with 'key', 'label' and 'type'.");
            if (ItemProblem(items[i]) is { } problem) return ($"items[{i}]", problem);
            if (!keys.Add(items[i].Key)) return ($"items[{i}]", "Each item's 'key' must be unique.");
        }
        return (null, null);
    }

    private static string? ItemProblem(ChecklistItem item)
    {
        if (!IsKey(item.Key)) return "An item key is lower-case ASCII letters, digits and '_' (at most 64).";
        // Before any message that quotes the key: a refused key is never quoted back.
        if (TextRules.Problem("key", item.Key) is { } keyProblem) return keyProblem;
        if (MaintenanceService.Text("label", item.Label, MaintenanceService.MaxTitleLength, required: true) is { } labelProblem) return labelProblem;
        if (item.Min > item.Max) return $"Item '{item.Key}': 'min' must not be above 'max'.";
        if ((item.Min is not null || item.Max is not null) && item.Type != ChecklistItemType.Number) return $"Item '{item.Key}': only a number has limits.";
        if (item.Unit is { Length: > 32 }) return $"Item '{item.Key}': 'unit' may be at most 32 characters.";
        // The unit is kept with the template and shown beside every reading: the same rule as every text FleetOps keeps.
        if (item.Unit is not null && TextRules.Problem("unit", item.Unit) is { } unitProblem) return unitProblem;
        return null;
    }

    /// <summary>Whether a template or item key is stable ASCII (pages find translations under it), as a form checks before sending.</summary>
    public static bool IsKey(string? key) => key is not null && Regex.IsMatch(key, "^[a-z][a-z0-9_]{0,63}$");

    [LoggerMessage(Level = LogLevel.Information, Message = "Maintenance plans generated {Count} work orders")]
    private partial void LogGenerated(int count);
}
