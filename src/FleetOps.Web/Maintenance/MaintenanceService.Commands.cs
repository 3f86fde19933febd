using FleetOps.Core.Alerts;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Wire;
using FleetOps.Web.Cluster;
using FleetOps.Web.Persistence;
using FleetOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace FleetOps.Web.Maintenance;

/// <summary>
/// The commands on an existing work order (schedule, start, wait, cancel, complete): the one path each takes — decided from
/// the stored order, legal in its state, the visit's mute kept in step, saved with its audit line, published.
/// </summary>
public sealed partial class MaintenanceService
{
    /// <summary>
    /// One command on one work order, under the book's gate: found and visible (else 404), allowed for the actor (403),
    /// legal in its state (409), then <paramref name="change"/> (null with a reason: 409 or 400), mute kept in step, saved
    /// with its audit line and results, published. Decided from the stored order, not this node's copy: another node may
    /// have changed it in the second before its change reached this book (a manager cancelled it while a technician starts
    /// it). The update expects the row as read; a change committed elsewhere in between is read and decided again.
    /// </summary>
    private async Task<MaintenanceResult<WorkOrder>> ChangeAsync(long id, MaintenanceActor actor, string? address, WorkOrderCommand command,
        string action, bool dispatch, Func<WorkOrder, (WorkOrder? Next, string? Refusal)> change, CancellationToken cancellationToken)
    {
        await book.Gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (book.Get(id) is not { } known || !actor.CanSee(known, stores))
                    return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.NotFound, $"There is no work order {id} among yours.");
                await using var db = databases.CreateDbContext();
                if (await MaintenanceRows.ReadForChangeAsync(db, id, cancellationToken) is not var (row, order))
                    return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.NotFound, $"There is no work order {id} among yours.");
                if (!MaintenanceRows.SameOrder(known, order)) book.Put(order);
                // Said as it is: a technician who may not cancel their own work is not told the work is someone else's.
                if (dispatch && !actor.CanDispatch(order.StoreCode, stores))
                    return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Forbidden,
                        "Only administrators and regional managers of the store may schedule or cancel work orders.");
                if (!dispatch && !actor.CanWork(order, stores))
                    return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Forbidden, "This work order is not yours to change.");
                if (WorkOrderFlow.Next(order.State, command) is not { } state)
                    return MaintenanceResult<WorkOrder>.Refused(MaintenanceError.Conflict, $"A work order that is {order.State.ToWire()} cannot be {Past(command)}.");
                var (changed, refusal) = change(order with { State = state });
                if (changed is null)
                    return MaintenanceResult<WorkOrder>.Refused(command == WorkOrderCommand.Schedule ? MaintenanceError.Invalid : MaintenanceError.Conflict, refusal!);
                var next = await KeepMuteInStepAsync(order, changed, actor.Name, address, cancellationToken);
                var now = time.GetUtcNow();
                MaintenanceRows.Copy(next, now, row);
                if (command == WorkOrderCommand.Complete)
                {
                    foreach (var answer in next.Results)
                    {
                        db.WorkOrderResults.Add(new WorkOrderResultRow
                        {
                            WorkOrderId = id, Item = answer.Item, Value = answer.Value, Note = answer.Note, Flagged = next.Flagged.Contains(answer.Item),
                        });
                    }
                }
                db.AuditEntries.Add(AuditLog.Row(now, actor.Name, action, $"work order {id}", Details(next), address));
                announcer.Stage(db, BookKinds.WorkOrder, BookChange.Of(id));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException) when (attempt < StaleCopy.Attempts)
                {
                    // Committed elsewhere between the read and this write: a visit's mute this attempt began is ended again.
                    if (next.MuteId is { } begun && begun != order.MuteId && alerts.Mutes.FirstOrDefault(m => m.Id == begun) is { } mute)
                        await alertService.UnmuteAsync(mute, actor.Name, address, cancellationToken);
                    continue;
                }
                await announcer.WakeAsync(db, cancellationToken);
                var stored = MaintenanceRows.AsStored(next, row);
                book.Put(stored);
                return MaintenanceResult<WorkOrder>.Done(stored);
            }
        }
        finally
        {
            book.Gate.Release();
        }
    }

    /// <summary>Entering in_progress mutes the subject (the longest a mute may last); leaving it ends that mute.</summary>
    private async Task<WorkOrder> KeepMuteInStepAsync(WorkOrder before, WorkOrder after, string actor, string? address, CancellationToken cancellationToken)
    {
        if (after.State == WorkOrderState.InProgress && before.State != WorkOrderState.InProgress)
        {
            var now = time.GetUtcNow();
            var mute = await alertService.MuteAsync(after.StoreCode, after.TerminalId, now, now + MuteWindow.Longest,
                $"maintenance visit {after.Title}", actor, address, cancellationToken);
            return after with { MuteId = mute.Id };
        }
        if (after.State != WorkOrderState.InProgress && before.MuteId is { } muteId)
        {
            if (alerts.Mutes.FirstOrDefault(m => m.Id == muteId) is { } mute) await alertService.UnmuteAsync(mute, actor, address, cancellationToken);
            return after with { MuteId = null };
        }
        return after;
    }

    private static string Details(WorkOrder o) => o.State switch
    {
        WorkOrderState.Scheduled => $"booked to {o.Assignee}, {o.ScheduledStart:u} – {o.ScheduledEnd:u}",
        WorkOrderState.Done when o.SignedBy is null => $"done, signed by nobody, {o.Flagged.Count} flagged",
        WorkOrderState.Done => $"done, signed by {o.SignedBy}, {o.Flagged.Count} flagged",
        WorkOrderState.Waiting when o.Reason is not null => $"waiting: {o.Reason}",
        WorkOrderState.Cancelled when o.Reason is not null => $"cancelled: {o.Reason}",
        // Started again after waiting: the reason it waited is still on the order (before this line, "in_progress: {reason}").
        WorkOrderState.InProgress when o.Reason is not null => $"resumed after waiting: {o.Reason}",
        _ => o.Reason is null ? o.State.ToWire() : $"{o.State.ToWire()}: {o.Reason}",
    };

    private static string Past(WorkOrderCommand command) => command switch
    {
        WorkOrderCommand.Schedule => "scheduled",
        WorkOrderCommand.Start => "started",
        WorkOrderCommand.Wait => "put on hold",
        WorkOrderCommand.Complete => "completed",
        _ => "cancelled",
    };
}
