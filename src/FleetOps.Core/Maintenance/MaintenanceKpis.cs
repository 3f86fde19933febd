using FleetOps.Core.Fleet;
using FleetOps.Core.Transactions;

namespace FleetOps.Core.Maintenance;

/// <summary>
/// The maintenance KPIs (issue 14 item 7), a pure function of the work orders a person may see. Over [from, to):
/// <b>planned</b> is the work due in the interval, whatever made it (a plan, an alert, a follow-up, a dispatcher), or done in
/// it ahead of (or after) a due time outside the period — each piece of work done counts against its own due time
/// (cancelled work is left out: nobody has to do it); <b>done</b> is the planned work closed as done in the interval, so
/// done never exceeds planned; <b>on time</b> is the share of the planned work closed by its due time, of the work that
/// could be judged (done, or past due now). Planned counted plan visits only while done counted alert work too, so a store
/// read "0 planned, 1 done, 100 %": a manager asks "of the work that fell due, how much was done in time", whatever made it.
/// <b>alert → done</b> runs from the alert's opening to the work's completion. <b>Overdue</b> is open work past its
/// due time — now, and at the end of each interval (work that existed then, was past due and not yet closed). Intervals
/// are days, or weeks from Monday for periods longer than <see cref="DailyUpTo"/>, counted in the zone the caller chooses
/// by the product's one rule (<see cref="StoreTime.Common"/>), like the money-at-risk and power days.
/// </summary>
public static class MaintenanceKpis
{
    /// <summary>Periods up to this long are counted per day (a month of bars still reads on a phone); longer ones per week.</summary>
    public static readonly TimeSpan DailyUpTo = TimeSpan.FromDays(31);

    /// <param name="alertOpenedAt">When the alerts behind the work opened, by alert id; work whose alert is unknown has no alert → done time.</param>
    public static KpiReport Compute(IEnumerable<WorkOrder> orders, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, TimeZoneInfo zone,
        StoreDirectory stores, IReadOnlyDictionary<long, DateTimeOffset> alertOpenedAt)
    {
        if (to <= from) throw new ArgumentOutOfRangeException(nameof(to), to, "The period must end after it starts.");
        var weekly = to - from > DailyUpTo;
        var intervals = Intervals(from, to, zone, weekly);
        var planned = new int[intervals.Count];
        var done = new int[intervals.Count];
        var overdue = new int[intervals.Count];
        var ends = intervals.Select(i => i.To < now ? i.To : now).ToList();
        var total = new KpiTally();
        var regions = new Dictionary<string, KpiTally>(StringComparer.OrdinalIgnoreCase);
        var technicians = new Dictionary<string, KpiTally>(StringComparer.OrdinalIgnoreCase);
        var unassigned = new KpiTally();
        foreach (var order in orders)
        {
            for (var i = 0; i < ends.Count; i++)
            {
                if (WasOverdue(order, ends[i])) overdue[i]++;
            }
            var isDone = order is { State: WorkOrderState.Done, ClosedAt: { } closed } && closed >= from && closed < to;
            var dueInPeriod = order.DueAt >= from && order.DueAt < to;
            // Work done in the period counts against its own due time even when that falls after it (done early) or before
            // it (done late): otherwise a visit done a day early read "0 planned, 1 done". Alert and hand-made work are planned
            // like a plan's visits, so done is always part of planned and the on-time share never passes 100 %.
            // Done before the period (early), it was counted then, when it was done.
            var doneBefore = order is { State: WorkOrderState.Done, ClosedAt: { } shut } && shut < from;
            var isPlanned = order.State != WorkOrderState.Cancelled && ((dueInPeriod && !doneBefore) || isDone);
            var isOverdue = order.IsOverdue(now);
            // Open work not yet due (a period that ends ahead of now) cannot be judged on time or late yet.
            var isAhead = isPlanned && !isDone && order.IsOpen && order.DueAt >= now;
            if (!isPlanned && !isDone && !isOverdue) continue;
            var region = stores.Get(order.StoreCode)?.Region ?? "";
            KpiTally[] tallies =
            [
                total,
                regions.TryGetValue(region, out var r) ? r : regions[region] = new KpiTally(),
                order.Assignee is not { } assignee ? unassigned : technicians.TryGetValue(assignee, out var t) ? t : technicians[assignee] = new KpiTally(),
            ];
            // On its due day; a visit due outside the period on the day it was done.
            if (isPlanned) planned[IndexOf(intervals, dueInPeriod ? order.DueAt : order.ClosedAt!.Value)]++;
            if (isDone) done[IndexOf(intervals, order.ClosedAt!.Value)]++;
            var took = isDone && order.AlertId is { } alertId && alertOpenedAt.TryGetValue(alertId, out var opened) ? order.ClosedAt!.Value - opened : (TimeSpan?)null;
            foreach (var tally in tallies)
            {
                if (isPlanned) tally.Planned++;
                if (isAhead) tally.Ahead++;
                if (isOverdue) tally.OverdueNow++;
                if (!isDone) continue;
                tally.Done++;
                if (order.ClosedAt <= order.DueAt) tally.DoneOnTime++;
                if (took is { } span) tally.AddAlertToDone(span);
            }
        }
        var technicianRows = technicians.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase).Select(t => new KpiRow(t.Key, t.Value.ToFigures())).ToList();
        // Work nobody was booked for comes last, as one row: overdue work without a technician is a dispatcher's to-do.
        if (unassigned.Planned + unassigned.Done + unassigned.OverdueNow > 0) technicianRows.Add(new KpiRow(null, unassigned.ToFigures()));
        return new KpiReport(from, to, zone, weekly,
            intervals.Select((i, n) => new KpiBucket(i.Start, i.From, i.To, planned[n], done[n], overdue[n])).ToList(),
            total.ToFigures(),
            regions.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase).Select(r => new KpiRow(r.Key, r.Value.ToFigures())).ToList(),
            technicianRows);
    }

    /// <summary>Past due and not yet closed at <paramref name="at"/>, having existed then.</summary>
    public static bool WasOverdue(WorkOrder order, DateTimeOffset at) =>
        order.CreatedAt <= at && order.DueAt < at && (order.IsOpen || order.ClosedAt > at);

    /// <summary>The days (or weeks from Monday) the period touches in <paramref name="zone"/>, each clipped to the period.</summary>
    private static List<(DateOnly Start, DateTimeOffset From, DateTimeOffset To)> Intervals(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, bool weekly)
    {
        var first = LocalDate(from, zone);
        if (weekly) first = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
        var last = LocalDate(to - TimeSpan.FromTicks(1), zone);
        var step = weekly ? 7 : 1;
        var intervals = new List<(DateOnly, DateTimeOffset, DateTimeOffset)>();
        for (var day = first; day <= last; day = day.AddDays(step))
        {
            var start = MoneyAtRiskTrend.StartOf(day, zone);
            var end = MoneyAtRiskTrend.StartOf(day.AddDays(step), zone);
            intervals.Add((day, start > from ? start : from, end < to ? end : to));
        }
        return intervals;
    }

    private static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    private static int IndexOf(List<(DateOnly Start, DateTimeOffset From, DateTimeOffset To)> intervals, DateTimeOffset at)
    {
        for (var i = 0; i < intervals.Count; i++)
        {
            if (at < intervals[i].To) return i;
        }
        return intervals.Count - 1;
    }
}
