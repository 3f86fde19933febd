using System.Globalization;
using System.Collections.Concurrent;
using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Text;
using FleetOps.Core.Wire;
using FleetOps.Web.Alerts;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// Every change of a work order (docs/api.md §8): made by hand or from an alert, scheduled, started, put on hold, completed
/// with its checklist, cancelled. Each is checked against <see cref="MaintenanceActor"/>'s access, saved with its audit line
/// in one transaction, and only then put into <see cref="MaintenanceBook"/>. A visit in progress mutes its terminal (or
/// store) in the alert centre until it ends.
/// </summary>
public sealed partial class MaintenanceService(
    FleetDbContextFactory databases,
    MaintenanceBook book,
    StoreDirectory stores,
    FleetState fleet,
    AlertBook alerts,
    AlertService alertService,
    UserDirectory users,
    ChangeAnnouncer announcer,
    IOptions<MaintenanceOptions> options,
    TimeProvider time)
{
    public const int MaxTitleLength = 200;
    public const int MaxReasonLength = 500;
    public const int MaxNoteLength = 2000;
    public const int MaxValueLength = 64 * 1024;

    /// <summary>Openings of alerts no longer in memory, once read: an alert's opening never changes, so the KPIs read each once.</summary>
    private readonly ConcurrentDictionary<long, DateTimeOffset> _alertOpenings = new();

    /// <summary>A work order made by hand, or from an alert (one open work order per alert: asking again returns the first).</summary>
    public async Task<MaintenanceResult<WorkOrder>> CreateAsync(WorkOrderDraft draft, MaintenanceActor actor, string? address,
        CancellationToken cancellationToken = default)
    {
        Alert? alert = null;
        if (draft.AlertId is { } alertId)
        {
            alert = await FindAlertAsync(alertId, cancellationToken);
            if (alert is null || !actor.Scope.AllowsStore(alert.StoreCode, stores))
                return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, $"There is no alert {alertId} among your stores' alerts.");
        }
        // The text rule before any look-up whose message quotes what was given.
        foreach (var (field, text) in new[] { ("storeCode", draft.StoreCode), ("terminalId", draft.TerminalId), ("checklist", draft.Checklist) })
        {
            if (text is not null && TextRules.Problem(field, text) is { } textProblem)
                return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, textProblem, field);
        }
        var storeCode = draft.StoreCode?.Trim() is { Length: > 0 } given ? given : alert?.StoreCode;
        // As registered, whatever letter case the body used: compared with the alert's terminal below and kept on the order.
        var terminalId = draft.TerminalId?.Trim() is { Length: > 0 } terminal ? fleet.RegisteredId(terminal) : draft.StoreCode is null ? alert?.TerminalId : null;
        // The alert says where the work is. A store or terminal given beside it may only repeat that: otherwise the work sits
        // elsewhere while holding the alert's one open work order, and the alert's own store can never get one for it.
        if (alert is not null && !string.Equals(storeCode, alert.StoreCode, StringComparison.OrdinalIgnoreCase))
            return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid,
                $"Alert {alert.Id} is at store {alert.StoreCode}: 'storeCode' must be that store or be left out.", "storeCode");
        if (alert is { TerminalId: { } alertTerminal } && terminalId is not null && !string.Equals(terminalId, alertTerminal, StringComparison.Ordinal))
            return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid,
                $"Alert {alert.Id} is about terminal {alertTerminal}: 'terminalId' must be that terminal or be left out.", "terminalId");
        if (Subject(storeCode, terminalId) is var (subjectProblem, subjectField))
            return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, subjectProblem, subjectField);
        var store = stores.Get(storeCode!)!;
        if (!actor.CanDispatch(store.Code, stores))
            return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Forbidden, "Only administrators and regional managers of the store may create work orders.");
        var (defaultKind, defaultChecklist) = alert is null ? (WorkOrderKind.Other, DefaultChecklists.TerminalInspection) : AlertWork.For(alert.Kind);
        var template = book.Template(draft.Checklist ?? defaultChecklist);
        if (template is null) return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, $"There is no checklist '{draft.Checklist}'.");
        var title = draft.Title?.Trim() is { Length: > 0 } t ? t : alert is null ? null : AlertTitle.Of(alert);
        if (Text("title", title, MaxTitleLength, required: true) is { } titleProblem) return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, titleProblem);
        var now = time.GetUtcNow();
        var dueAt = draft.DueAt ?? (alert is null ? null : now + AlertWork.DueWithin(alert.Severity));
        if (dueAt is null) return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, "'dueAt' is required.");

        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            if (alert is not null && book.OpenForAlert(alert.Id) is { } existing) return MaintenanceResult<WorkOrder>.Done(existing);
            var order = new WorkOrder(0, store.Code, terminalId, title!,
                draft.Kind ?? defaultKind, draft.Priority ?? (alert?.Severity == AlertSeverity.Critical ? WorkOrderPriority.High : WorkOrderPriority.Normal),
                WorkOrderState.Open, dueAt.Value, template.Key, template.Version, now, actor.Name) { AlertId = alert?.Id };
            var saved = await SaveNewAsync(order, AuditLog.Row(now, actor.Name, AuditActions.WorkOrderCreated, null,
                alert is null ? $"{order.Kind.ToWire()} at {order.Subject}" : $"{order.Kind.ToWire()} at {order.Subject}, from alert {alert.Id}", address), cancellationToken);
            return MaintenanceResult<WorkOrder>.Done(saved);
        }
        finally
        {
            book.Gate.Release();
        }
    }

    /// <summary>"Create work order" on an alert: the defaults of <see cref="AlertWork"/>; the open one when it exists.</summary>
    public Task<MaintenanceResult<WorkOrder>> CreateFromAlertAsync(long alertId, MaintenanceActor actor, string? address, CancellationToken cancellationToken = default) =>
        CreateAsync(new WorkOrderDraft(AlertId: alertId), actor, address, cancellationToken);

    /// <summary>
    /// "Raise follow-up" on an item the recorded checklist flagged (<see cref="FollowUpWork"/>): offered to whoever may work
    /// on the parent (its technician, a dispatcher of the store). One follow-up per item: asking again returns the first.
    /// </summary>
    public async Task<MaintenanceResult<WorkOrder>> RaiseFollowUpAsync(long parentId, string? item, MaintenanceActor actor, string? address,
        CancellationToken cancellationToken = default)
    {
        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            if (book.Get(parentId) is not { } parent || !actor.CanSee(parent, stores))
                return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.NotFound, $"There is no work order {parentId} among yours.");
            if (!actor.CanWork(parent, stores)) return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Forbidden, "This work order is not yours to change.");
            if (book.FollowUpOf(parentId, item ?? "") is { } existing) return MaintenanceResult<WorkOrder>.Done(existing);
            var now = time.GetUtcNow();
            var checklist = book.Template(parent.ChecklistKey, parent.ChecklistVersion);
            var newest = book.Template(parent.ChecklistKey) ?? checklist;
            if (checklist is null || newest is null
                || FollowUpWork.For(parent, checklist, item ?? "", now, TimeSpan.FromDays(options.Value.FollowUpDueDays), actor.Name) is not { } order)
                return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, $"Item '{item}' of work order {parentId} was not recorded as failed or out of limits.");
            try
            {
                // The re-check uses the checklist as it is now: the follow-up is new work.
                var saved = await SaveNewAsync(order with { ChecklistVersion = newest.Version }, AuditLog.Row(now, actor.Name, AuditActions.WorkOrderCreated, null,
                    $"{order.Kind.ToWire()} at {order.Subject}, follow-up of work order {parentId} ({item})", address), cancellationToken);
                return MaintenanceResult<WorkOrder>.Done(saved);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Another node raised it at the same moment (the unique parent + item key): that one is the follow-up.
                await using var db = databases.CreateDbContext();
                var stored = await MaintenanceRows.FindFollowUpAsync(db, parentId, item ?? "", cancellationToken) ?? throw new InvalidOperationException("The clashing follow-up is gone.", e);
                book.Put(stored);
                return MaintenanceResult<WorkOrder>.Done(stored);
            }
        }
        finally
        {
            book.Gate.Release();
        }
    }

    /// <summary>
    /// Books the work to a technician (whose stores must include the work's store) for [start, end); the booking is made and
    /// <see cref="MaintenanceResult{T}.Conflicts"/> lists their other open bookings that overlap. A booking that ends after
    /// the due time moves the due time with it: the dispatcher chose the later date.
    /// </summary>
    public async Task<MaintenanceResult<WorkOrder>> ScheduleAsync(long id, string? assignee, DateTimeOffset? start, DateTimeOffset? end,
        MaintenanceActor actor, string? address, CancellationToken cancellationToken = default)
    {
        if (start is null || end is null) return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, "'start' and 'end' are required.");
        if (end <= start) return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, "'end' must be after 'start'.");
        var person = users.All.FirstOrDefault(u => string.Equals(u.Email, assignee?.Trim(), StringComparison.OrdinalIgnoreCase));
        var result = await ChangeAsync(id, actor, address, WorkOrderCommand.Schedule, AuditActions.WorkOrderScheduled, dispatch: true, order =>
        {
            if (person is null) return (null, $"There is no user '{assignee}'.");
            if (person.Disabled) return (null, $"The user '{person.Email}' is disabled: no work can be booked to them.");
            if (TechnicianRule.Problem(person, order.StoreCode, stores) is { } outOfScope) return (null, outOfScope);
            return (order with
            {
                Assignee = person.Email, ScheduledStart = start, ScheduledEnd = end,
                DueAt = end.Value > order.DueAt ? end.Value : order.DueAt,
            }, null);
        }, cancellationToken);
        return result.Value is { } booked
            ? result with { Conflicts = WorkOrderFlow.Conflicts(book.All, booked.Id, booked.Assignee!, start.Value, end.Value) }
            : result;
    }

    /// <summary>The technician arrives: the work is in progress and its terminal (or store) is muted until it ends.</summary>
    public Task<MaintenanceResult<WorkOrder>> StartAsync(long id, MaintenanceActor actor, string? address, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, address, WorkOrderCommand.Start, AuditActions.WorkOrderStarted, dispatch: false,
            order => (order with { StartedAt = time.GetUtcNow() }, null), cancellationToken);

    /// <summary>On hold (waiting for parts, for the store): the visit's mute ends.</summary>
    public Task<MaintenanceResult<WorkOrder>> WaitAsync(long id, string? reason, MaintenanceActor actor, string? address, CancellationToken cancellationToken = default) =>
        Text("reason", reason, MaxReasonLength, required: false) is { } problem
            ? Task.FromResult(MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, problem))
            : ChangeAsync(id, actor, address, WorkOrderCommand.Wait, AuditActions.WorkOrderWaiting, dispatch: false,
                order => (order with { Reason = reason?.Trim() }, null), cancellationToken);

    public Task<MaintenanceResult<WorkOrder>> CancelAsync(long id, string? reason, MaintenanceActor actor, string? address, CancellationToken cancellationToken = default) =>
        Text("reason", reason, MaxReasonLength, required: false) is { } problem
            ? Task.FromResult(MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, problem))
            : ChangeAsync(id, actor, address, WorkOrderCommand.Cancel, AuditActions.WorkOrderCancelled, dispatch: true,
                order => (order with { Reason = reason?.Trim(), ClosedAt = time.GetUtcNow() }, null), cancellationToken);

    /// <summary>
    /// Done, with the checklist's results (judged against the version the work order pinned) and who signed off; refused with
    /// <see cref="MaintenanceError.Incomplete"/> and the problems when a required item is missing or a reading is out of
    /// limits without a note.
    /// </summary>
    public async Task<MaintenanceResult<WorkOrder>> CompleteAsync(long id, IReadOnlyList<ChecklistAnswer> answers, string? signedBy,
        MaintenanceActor actor, string? address, CancellationToken cancellationToken = default)
    {
        foreach (var answer in answers)
        {
            var problem = Text("note", answer.Note, MaxNoteLength, required: false)
                ?? (answer.Value is { Length: > MaxValueLength } ? $"The value of '{answer.Item}' is too long." : null)
                ?? (answer.Value is { } value && TextRules.Problem("value", value, multiline: true) is not null ? $"The value of '{answer.Item}' cannot be kept." : null);
            if (problem is not null) return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, problem);
        }
        if (Text("signedBy", signedBy, MaxTitleLength, required: false) is { } signedProblem)
            return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, signedProblem);
        // An item answered twice has no one reading to record (and its result row has one key per item).
        if (answers.GroupBy(a => a.Item, StringComparer.Ordinal).FirstOrDefault(g => g.Key.Length > 0 && g.Count() > 1) is { } twice)
            return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Invalid, $"'results' answers item '{twice.Key}' more than once.", "results");
        var images = await ImagesAsync(id, cancellationToken);
        ChecklistOutcome? outcome = null;
        var result = await ChangeAsync(id, actor, address, WorkOrderCommand.Complete, AuditActions.WorkOrderCompleted, dispatch: false, order =>
        {
            var template = book.Template(order.ChecklistKey, order.ChecklistVersion)!;
            outcome = ChecklistCheck.Judge(template, answers, AnsweredByImages(template, answers, images), images);
            return outcome.Accepted
                ? (order with { SignedBy = signedBy?.Trim(), ClosedAt = time.GetUtcNow(), Results = answers, Flagged = outcome.Flagged }, null)
                : (null, "The checklist is not complete: " + string.Join(", ", outcome.Problems.Select(p => $"{p.Item} ({p.Reason.ToWire()})")) + ".");
        }, cancellationToken);
        return result.Error == MaintenanceError.Conflict && outcome is { Accepted: false }
            ? result with { Error = MaintenanceError.Incomplete, Problems = outcome.Problems }
            : result;
    }

    /// <summary>The alert a work order was raised from (its evidence), from memory or, once resolved long ago, the database.</summary>
    public async Task<Alert?> FindAlertAsync(long alertId, CancellationToken cancellationToken = default)
    {
        if (alerts.Get(alertId) is { } alive) return alive;
        await using var db = databases.CreateDbContext();
        return await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken) is { } row ? row.ToAlert() : null;
    }

    /// <summary>
    /// When the alerts behind work opened, by id (the KPIs' alert → done): alive alerts from memory, the rest in one read
    /// of the database for all of them — never a read per work order.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, DateTimeOffset>> AlertOpeningsAsync(IEnumerable<long> alertIds, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<long, DateTimeOffset>();
        var missing = new List<long>();
        foreach (var id in alertIds.Distinct())
        {
            if (alerts.Get(id) is { } alive) found[id] = alive.OpenedAt;
            else if (_alertOpenings.TryGetValue(id, out var opened)) found[id] = opened;
            else missing.Add(id);
        }
        if (missing.Count == 0) return found;
        await using var db = databases.CreateDbContext();
        var rows = await db.Alerts.AsNoTracking().Where(a => missing.Contains(a.Id)).Select(a => new { a.Id, a.OpenedAtMs }).ToListAsync(cancellationToken);
        foreach (var row in rows) found[row.Id] = _alertOpenings[row.Id] = DateTimeOffset.FromUnixTimeMilliseconds(row.OpenedAtMs);
        return found;
    }

    /// <summary>The ids of the uploaded images (photos, drawn signatures) of each item of the work order.</summary>
    private async Task<ILookup<string, string>> ImagesAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        return (await db.WorkOrderAttachments.AsNoTracking().Where(a => a.WorkOrderId == id).Select(a => new { a.Item, a.Id }).ToListAsync(cancellationToken))
            .ToLookup(a => a.Item, a => a.Id.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    /// <summary>
    /// The items an image answers: a photo item with any upload; a signature item when its value names one of its uploads,
    /// the drawn signature. Any other signature value (an API client's typed name, docs/api.md §8) answers it as a value.
    /// </summary>
    private static IReadOnlySet<string> AnsweredByImages(ChecklistTemplate template, IReadOnlyList<ChecklistAnswer> answers, ILookup<string, string> images)
    {
        var given = answers
            .Where(a => template.Item(a.Item)?.Type == ChecklistItemType.Signature && images[a.Item].Contains(a.Value?.Trim()))
            .Select(a => a.Item)
            .ToHashSet(StringComparer.Ordinal);
        given.UnionWith(template.Items.Where(i => i.Type == ChecklistItemType.Photo && images.Contains(i.Key)).Select(i => i.Key));
        return given;
    }

    private async Task<WorkOrder> SaveNewAsync(WorkOrder order, AuditEntryRow audit, CancellationToken cancellationToken)
    {
        await using var db = databases.CreateDbContext();
        var row = MaintenanceRows.Copy(order, order.CreatedAt);
        db.WorkOrders.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        audit.Target = $"work order {row.Id}";
        db.AuditEntries.Add(audit);
        // Had the audit line failed, the other nodes still learn of the order: their next change of any order takes every new one.
        announcer.Stage(db, BookKinds.WorkOrder, BookChange.Of(row.Id));
        await db.SaveChangesAsync(cancellationToken);
        await announcer.WakeAsync(db, cancellationToken);
        var saved = MaintenanceRows.AsStored(order, row);
        book.Put(saved);
        return saved;
    }

    /// <summary>Why the subject cannot have work, and the field to fix: an unknown store, or a terminal that is not in it.</summary>
    private (string Detail, string Field)? Subject(string? storeCode, string? terminalId)
    {
        if (string.IsNullOrWhiteSpace(storeCode)) return ("'storeCode' is required.", "storeCode");
        if (TextRules.Problem("storeCode", storeCode) is not null || stores.Get(storeCode) is null) return ($"There is no store '{storeCode}'.", "storeCode");
        if (terminalId is null) return null;
        return fleet.Get(terminalId) is { } t && string.Equals(t.StoreCode, storeCode, StringComparison.OrdinalIgnoreCase)
            ? null
            : ($"There is no terminal '{terminalId}' in store '{storeCode}'.", "terminalId");
    }

    internal static string? Text(string name, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? $"'{name}' is required." : null;
        if (value.Length > max) return $"'{name}' may be at most {max} characters.";
        return TextRules.Problem(name, value, multiline: name is "note" or "reason");
    }
}
