using FleetOps.Core.Maintenance;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// Editing a plan (docs/api.md §8 <c>PUT /api/v1/maintenance/plans/{id}</c>): everything but what it covers, which is a new
/// plan. The generated work orders nobody has touched follow the edit (<see cref="PlanRevision"/>); booked, started and
/// closed ones stay as they are.
/// </summary>
public sealed partial class PlanService
{
    /// <summary>What saving <paramref name="draft"/> would do to the plan's generated work orders (the dialog says so first).</summary>
    public MaintenanceResult<PlanRevision> PreviewEdit(long id, PlanDraft draft, MaintenanceActor actor)
    {
        var (before, after, error, problem, field) = Revise(id, draft, actor);
        return after is null ? MaintenanceResult<PlanRevision>.Refused(error, problem!, field)
            : MaintenanceResult<PlanRevision>.Done(Revision(before!, after, book.OfPlan(id)));
    }

    /// <summary>
    /// Saves the edit (who may end the plan may edit it; an ended plan is a 409): the plan, the untouched work orders it
    /// updates or cancels and one audit line naming each change, then the new schedule's work orders are generated. The
    /// orders are decided from the stored rows, not this node's copy, and a row changed elsewhere meanwhile is read again.
    /// </summary>
    public async Task<MaintenanceResult<MaintenancePlan>> EditAsync(long id, PlanDraft draft, MaintenanceActor actor, string? address,
        CancellationToken cancellationToken = default)
    {
        MaintenancePlan? saved = null;
        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            var (before, after, error, problem, field) = Revise(id, draft, actor);
            if (after is null) return MaintenanceResult<MaintenancePlan>.Refused(error, problem!, field);
            for (var attempt = 1; saved is null; attempt++)
            {
                await using var db = databases.CreateDbContext();
                var rows = await db.WorkOrders.Where(w => w.PlanId == id).ToListAsync(cancellationToken);
                var revision = Revision(before!, after, rows.Select(MaintenanceRows.Unanswered).ToList());
                var changed = revision.Updated.Concat(revision.Cancelled).ToList();
                var now = time.GetUtcNow();
                foreach (var order in changed)
                {
                    var row = rows.First(r => r.Id == order.Id);
                    MaintenanceRows.Copy(order, now, row);
                    row.ChecklistKey = order.ChecklistKey; // Copy leaves a row's checklist as made; an untouched order follows the plan's
                }
                var planRow = await db.MaintenancePlans.FirstAsync(p => p.Id == id, cancellationToken);
                db.Entry(planRow).CurrentValues.SetValues(MaintenanceRows.Row(after));
                db.AuditEntries.Add(AuditLog.Row(now, actor.Name, AuditActions.MaintenancePlanEdited, $"plan {id}",
                    PlanAudit.Edited(before!, after, revision), address));
                announcer.Stage(db, BookKinds.MaintenancePlan, BookChange.Of(id));
                if (changed.Count > 0) announcer.Stage(db, BookKinds.WorkOrder, BookChange.Of([.. changed.Select(o => o.Id)]));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException) when (attempt < StaleCopy.Attempts)
                {
                    continue; // a work order was booked or started elsewhere meanwhile: decided again from what is stored now
                }
                await announcer.WakeAsync(db, cancellationToken);
                book.PutPlan(after);
                if (changed.Count > 0) book.Put([.. changed.Select(o => MaintenanceRows.AsStored(o, rows.First(r => r.Id == o.Id)))]);
                saved = after;
            }
        }
        finally
        {
            book.Gate.Release();
        }
        await GenerateAsync(cancellationToken);
        return MaintenanceResult<MaintenancePlan>.Done(saved);
    }

    private PlanRevision Revision(MaintenancePlan before, MaintenancePlan after, IReadOnlyList<WorkOrder> orders) =>
        PlanRevision.Of(before, after, orders, Subjects(after), book.Template(after.Checklist)?.Version ?? 1, Technician(after)?.Email, time.GetUtcNow());

    /// <summary>
    /// The plan as the draft would leave it, refused as ending it is (404 unseen, 403 not theirs, 409 ended), then as a new
    /// plan is (<see cref="Check"/>). What it covers is fixed: a subject field omitted is the plan's, one given must be it.
    /// </summary>
    private (MaintenancePlan? Before, MaintenancePlan? After, MaintenanceError Error, string? Problem, string? Field) Revise(long id, PlanDraft draft,
        MaintenanceActor actor)
    {
        if (book.Plan(id) is not { } plan || !Reaches(plan, actor.Scope))
            return (null, null, MaintenanceError.NotFound, $"There is no plan {id} among your stores' plans.", null);
        if (!CanManage(plan, actor))
            return (plan, null, MaintenanceError.Forbidden,
                plan.Model is null ? "Only administrators and regional managers of every store concerned may plan maintenance." : "Only administrators may plan for a whole model.", null);
        if (!plan.Active) return (plan, null, MaintenanceError.Conflict, $"Plan {id} has ended: it can no longer be changed.", null);
        static bool Same(string? given, string? kept) => given is null || string.Equals(given.Trim(), kept, StringComparison.OrdinalIgnoreCase);
        var field = !Same(draft.StoreCode, plan.StoreCode) ? "storeCode"
            : !Same(draft.Model, plan.Model) ? "model"
            : draft.TerminalIds is { } ids && !ids.Select(t => t?.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(plan.TerminalIds) ? "terminalIds"
            : null;
        if (field is not null)
            return (plan, null, MaintenanceError.Invalid, $"'{field}' cannot change: what a plan covers is fixed once it is made; make a new plan instead.", field);
        var (checkedPlan, error, problem, problemField) = Check(draft with
        {
            StoreCode = plan.StoreCode, Model = plan.Model, TerminalIds = plan.TerminalIds.Count == 0 ? null : plan.TerminalIds,
        }, actor);
        if (checkedPlan is null) return (plan, null, error, problem, problemField);
        return (plan, checkedPlan with
        {
            Id = plan.Id, StoreCode = plan.StoreCode, Model = plan.Model, TerminalIds = plan.TerminalIds, CreatedAt = plan.CreatedAt, CreatedBy = plan.CreatedBy,
        }, MaintenanceError.None, null, null);
    }
}
