using FleetOps.Core.Fleet;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Alerts;
using FleetOps.Web.Maintenance;
using FleetOps.Web.Security;

namespace FleetOps.Web.Demo;

/// <summary>
/// The maintenance the demo chain did before it was started, so the KPI page has months of figures at once: each store a
/// technician looks after (Tia and her colleagues, <see cref="DemoUsers.Colleagues"/>) has had a monthly printer and
/// card-reader cleaning for the last <see cref="Span"/>. Most visits were done on time, about one in three a day or two
/// late, and the last visit at each colleague's last store is still not done (overdue now). Told through the real plan
/// and work-order services on a clock that walks from then to now (<see cref="HistoryClock"/>): plans made, their work
/// generated a week at a time as the generator would, each visit started and completed with its checklist at the time it
/// happened — the rules, audit lines and mutes are the app's own. A store whose plan exists is left alone (a restart),
/// so nothing piles up; its visits from now on are the live demo's.
/// </summary>
public sealed partial class DemoMaintenanceHistory(IServiceProvider services, MaintenanceBook book, StoreDirectory stores, DemoPeople people,
    TimeProvider time, bool inChinese, ILogger logger)
{
    /// <summary>How far back the history starts: the KPI page's 90 days, and a few weeks before them.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(16 * 7);

    /// <summary>The generator's rhythm in the past: each week's run makes the work due in the month ahead.</summary>
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static readonly TimeSpan VisitTakes = TimeSpan.FromMinutes(40);

    private sealed record Round(DemoUsers.Account Technician, StoreInfo Store, int Index, bool LastLeftOpen);

    public async Task TellAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var clock = new HistoryClock(now - Span);
        var plans = ActivatorUtilities.CreateInstance<PlanService>(services, clock);
        var work = ActivatorUtilities.CreateInstance<MaintenanceService>(services, clock, ActivatorUtilities.CreateInstance<AlertService>(services, clock));
        var name = inChinese ? "每月打印机与读卡器清洁" : "Monthly printer and card-reader cleaning";
        var rounds = new Dictionary<long, Round>();
        foreach (var round in Rounds())
        {
            if (book.Plans.Any(p => p.Name == name && string.Equals(p.StoreCode, round.Store.Code, StringComparison.OrdinalIgnoreCase))) continue;
            // Stores start on different days of the month, so the visits spread over it.
            var startsOn = StoreTime.Day(clock.Now, round.Store.TimeZone).AddDays(1 + round.Index * 4 % 27);
            var made = await plans.CreateAsync(new PlanDraft(name, round.Store.Code, null, null, DefaultChecklists.Cleaning, 1, RecurrenceUnit.Month,
                RecurrenceBasis.Schedule, startsOn, WorkOrderKind.Other, WorkOrderPriority.Normal, EstimatedMinutes: 60,
                DefaultTechnician: round.Technician.Email), people.Administrator, null, cancellationToken);
            if (made.Value is { } plan) rounds[plan.Id] = round;
        }
        var done = 0;
        for (var week = clock.Now; week < now && rounds.Count > 0; week += Week)
        {
            clock.Now = week;
            await plans.GenerateAsync(cancellationToken);
            var visits = rounds.SelectMany(r => book.OfPlan(r.Key).Where(o => o.State == WorkOrderState.Scheduled)
                    .Select(o => (Order: o, Round: r.Value, At: VisitAt(o, r.Value, now))))
                .Where(v => v.At is { } at && at >= week && at < week + Week && at + VisitTakes < now)
                .OrderBy(v => v.At).ToList();
            foreach (var (order, round, at) in visits)
            {
                var technician = people.Actor(round.Technician);
                clock.Now = at!.Value;
                await work.StartAsync(order.Id, technician, null, cancellationToken);
                clock.Now = at.Value + VisitTakes;
                if ((await work.CompleteAsync(order.Id, Cleaned, null, technician, null, cancellationToken)).Value is not null) done++;
            }
        }
        LogTold(rounds.Count, done, rounds.Keys.Sum(id => book.OfPlan(id).Count(o => o.IsOverdue(now))));
    }

    /// <summary>Every store a demo technician looks after, in the order of the technicians and their stores.</summary>
    private IEnumerable<Round> Rounds()
    {
        var index = 0;
        foreach (var technician in DemoUsers.Accounts.Concat(DemoUsers.Colleagues).Where(a => a.Role == Roles.Technician))
        {
            var theirs = technician.Stores.Select(stores.Get).OfType<StoreInfo>().ToList();
            for (var i = 0; i < theirs.Count; i++)
            {
                // A colleague with more than one store let the last one slip: the page shows overdue work, and whose.
                yield return new Round(technician, theirs[i], index++, DemoUsers.Colleagues.Contains(technician) && i > 0 && i == theirs.Count - 1);
            }
        }
    }

    /// <summary>
    /// When the technician arrived for a visit: at its booked start (done on time), or for one in three — by the month it
    /// fell in and the store — one or two days after its due time (late); never, for the last visit of a store left open.
    /// </summary>
    private static DateTimeOffset? VisitAt(WorkOrder order, Round round, DateTimeOffset now)
    {
        if (round.LastLeftOpen && order.DueAt < now && order.DueAt > now.AddMonths(-1)) return null;
        var month = order.DueAt.Month;
        return (month + round.Index) % 3 == 0
            ? order.DueAt.AddDays(1 + month % 2).AddHours(-7)
            : order.ScheduledStart ?? order.DueAt - TimeSpan.FromHours(1);
    }

    /// <summary>The cleaning checklist, every step done (the store manager's signature is optional on it).</summary>
    private static readonly IReadOnlyList<ChecklistAnswer> Cleaned =
        new[] { "printer_head_cleaned", "card_slot_cleaned", "screen_cleaned", "paper_stock", "test_receipt" }
            .Select(item => new ChecklistAnswer(item, "true")).ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo maintenance history told: {Plans} plans, {Done} visits done, {Overdue} overdue now")]
    private partial void LogTold(int plans, int done, int overdue);
}
