using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// What a calendar shows for a range of days in one time zone: the bookings of the work orders given (already narrowed to
/// what the person may see and chose), each on the local day it starts, overlapping bookings of one technician marked;
/// the plans' visits further ahead than generation reaches (so a dispatcher sees the load coming); and the open work
/// nobody has booked yet, most urgent first, to be dragged onto a day.
/// </summary>
public sealed class CalendarModel
{
    private CalendarModel(IReadOnlyList<DateOnly> days, IReadOnlyDictionary<DateOnly, IReadOnlyList<CalendarEntry>> entries,
        IReadOnlyList<WorkOrder> unbooked)
    {
        Days = days;
        Entries = entries;
        Unbooked = unbooked;
    }

    /// <summary>The days shown, in order (a month view fills whole weeks, Monday first).</summary>
    public IReadOnlyList<DateOnly> Days { get; }

    public IReadOnlyDictionary<DateOnly, IReadOnlyList<CalendarEntry>> Entries { get; }

    public IReadOnlyList<WorkOrder> Unbooked { get; }

    public IReadOnlyList<CalendarEntry> On(DateOnly day) => Entries.GetValueOrDefault(day) ?? [];

    /// <summary>The days a view of <paramref name="date"/> covers.</summary>
    public static IReadOnlyList<DateOnly> Range(CalendarView view, DateOnly date)
    {
        var (first, count) = view switch
        {
            CalendarView.Day => (date, 1),
            CalendarView.Week => (Monday(date), 7),
            _ => (Monday(new DateOnly(date.Year, date.Month, 1)), 0),
        };
        if (view == CalendarView.Month)
        {
            var last = new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
            count = last.DayNumber - first.DayNumber + 1;
            count += (7 - count % 7) % 7;
        }
        return Enumerable.Range(0, count).Select(first.AddDays).ToList();
    }

    /// <summary>The view before or after this one (a day, a week or a month away).</summary>
    public static DateOnly Step(CalendarView view, DateOnly date, int direction) => view switch
    {
        CalendarView.Day => date.AddDays(direction),
        CalendarView.Week => date.AddDays(7 * direction),
        _ => date.AddMonths(direction),
    };

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <param name="orders">The work orders the person may see and chose (technician, region).</param>
    /// <param name="planned">Plan visits of the range not generated yet, with their plans.</param>
    public static CalendarModel Build(IReadOnlyList<WorkOrder> orders, IEnumerable<(PlannedOccurrence Visit, MaintenancePlan Plan)> planned,
        IReadOnlyList<DateOnly> days, TimeZoneInfo zone)
    {
        var shown = days.ToHashSet();
        var entries = new Dictionary<DateOnly, List<CalendarEntry>>();
        var booked = orders.Where(o => o.ScheduledStart is not null && o.ScheduledEnd is not null && o.State != WorkOrderState.Cancelled).ToList();
        foreach (var order in booked)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(order.ScheduledStart!.Value, zone).DateTime);
            if (!shown.Contains(day)) continue;
            var conflict = order.IsOpen && booked.Any(other => other.Id != order.Id && order.Assignee is { } who
                && other.Overlaps(who, order.ScheduledStart!.Value, order.ScheduledEnd!.Value));
            Add(new CalendarEntry(day, order, null, null) { Start = order.ScheduledStart, End = order.ScheduledEnd, Conflict = conflict });
        }
        foreach (var (visit, plan) in planned)
        {
            if (shown.Contains(visit.Date)) Add(new CalendarEntry(visit.Date, null, visit, plan));
        }
        var unbooked = orders.Where(o => o.IsOpen && o.ScheduledStart is null).OrderBy(o => o.DueAt).ThenByDescending(o => o.Priority).ToList();
        return new CalendarModel(days, entries.ToDictionary(e => e.Key,
            e => (IReadOnlyList<CalendarEntry>)e.Value.OrderBy(x => x.Start ?? DateTimeOffset.MaxValue).ThenBy(x => x.Order?.Id ?? long.MaxValue).ToList()),
            unbooked);

        void Add(CalendarEntry entry)
        {
            if (!entries.TryGetValue(entry.Day, out var list)) entries[entry.Day] = list = [];
            list.Add(entry);
        }
    }
}
