using FleetOps.Core.Alerts;
using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Alerts;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;

namespace FleetOps.Web.Demo;

/// <summary>
/// Maintenance in the demo (issue 14), told through the real services after the alert stories so every maintenance page
/// has real work at start: a monthly inspection plan for the technician's first store (its work generated and booked to
/// them, later visits shown ahead in the calendar); a power inspection raised from the unstable till's alert and booked
/// for tomorrow morning, as the technician's acknowledgement says (when the till is in a store the technician looks after;
/// otherwise it waits in the calendar's "to be booked"); and a battery replacement from the weak battery's alert, still to
/// be booked. Each step is skipped when it was done before (a restart), so nothing piles up.
/// </summary>
public sealed partial class DemoMaintenanceStories(MaintenanceService work, PlanService plans, MaintenanceBook book, AlertBook alerts,
    FleetState fleet, StoreDirectory stores, TimeProvider time, bool inChinese, ILogger logger, MaintenanceActor actor)
{
    private static readonly DemoUsers.Account Technician = DemoUsers.Accounts.First(a => a.Role == Roles.Technician);

    public async Task TellAsync(DemoPowerStories power, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var first = Technician.Stores[0];
        var planName = inChinese ? "每月终端巡检" : "Monthly terminal inspection";
        if (stores.Get(first) is { } store && !book.Plans.Any(p => p.Name == planName))
        {
            // From tomorrow: a visit due today at 17:00 would be overdue at once for a demo started in the evening.
            var tomorrow = StoreTime.Day(now, store.TimeZone).AddDays(1);
            await plans.CreateAsync(new PlanDraft(planName, store.Code, null, null, DefaultChecklists.TerminalInspection, 1, RecurrenceUnit.Month,
                RecurrenceBasis.Schedule, tomorrow, WorkOrderKind.Inspection, WorkOrderPriority.Normal, DefaultTechnician: Technician.Email),
                actor, null, cancellationToken);
            await plans.GenerateAsync(cancellationToken);
        }
        if (FromAlert(AlertKind.UnstablePower, power.UnstableTerminal) is { } unstable && book.OpenForAlert(unstable.Id) is null
            && (await work.CreateFromAlertAsync(unstable.Id, actor, null, cancellationToken)).Value is { } inspection)
        {
            var zone = stores.Get(inspection.StoreCode)?.TimeZone;
            var tomorrow = StoreTime.ToZone(now, zone).Date.AddDays(1).AddHours(9);
            var start = new DateTimeOffset(tomorrow, StoreTime.ToZone(now, zone).Offset);
            await work.ScheduleAsync(inspection.Id, Technician.Email, start, start.AddHours(1), actor, null, cancellationToken);
        }
        if (FromAlert(AlertKind.BatteryWeak, power.WeakBatteryTerminal) is { } weak && book.OpenForAlert(weak.Id) is null)
        {
            await work.CreateFromAlertAsync(weak.Id, actor, null, cancellationToken);
        }
        LogTold(book.All.Count(o => o.IsOpen), book.Plans.Count);
    }

    private Alert? FromAlert(AlertKind kind, string? terminalId) =>
        terminalId is not null && fleet.Get(terminalId) is { } t && alerts.Latest.GetValueOrDefault(new AlertSubject(kind, t.StoreCode, terminalId)) is { IsActive: true } alert
            ? alert
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo maintenance stories told: {Open} open work orders, {Plans} plans")]
    private partial void LogTold(int open, int plans);
}
