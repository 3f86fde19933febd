namespace FleetOps.Core.Maintenance;

/// <summary>
/// Which work orders a plan calls for now (pure). Schedule basis: every occurrence from the plan's start (but none before the
/// day it was made) up to <c>daysAhead</c> days ahead of the subject's local today. Completion basis: the first at the start,
/// then the next one N after the local date the previous was done (or cancelled), and only then.
/// </summary>
public static class PlanSchedule
{
    /// <param name="existing">The plan's work orders so far (of every subject).</param>
    public static IEnumerable<PlannedOccurrence> Due(MaintenancePlan plan, IEnumerable<PlanSubject> subjects, IReadOnlyList<WorkOrder> existing,
        DateTimeOffset now, int daysAhead)
    {
        if (!plan.Active) yield break;
        foreach (var subject in subjects)
        {
            var today = Recurrence.LocalDate(now, subject.Zone);
            if (plan.Basis == RecurrenceBasis.Schedule)
            {
                var from = Max(plan.StartsOn, Recurrence.LocalDate(plan.CreatedAt, subject.Zone));
                foreach (var date in plan.Every.Between(plan.StartsOn, from, today.AddDays(daysAhead)))
                {
                    yield return new PlannedOccurrence(subject, date, Recurrence.At(date, plan.DueTime, subject.Zone), date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }
                continue;
            }
            var last = existing.Where(o => string.Equals(o.Subject, subject.Key, StringComparison.OrdinalIgnoreCase)).MaxBy(o => o.Id);
            if (last is null)
            {
                yield return new PlannedOccurrence(subject, plan.StartsOn, Recurrence.At(plan.StartsOn, plan.DueTime, subject.Zone), "first");
            }
            else if (!last.IsOpen)
            {
                var closed = Recurrence.LocalDate(last.ClosedAt ?? now, subject.Zone);
                var date = plan.Every.Occurrence(closed, 1);
                yield return new PlannedOccurrence(subject, date, Recurrence.At(date, plan.DueTime, subject.Zone), $"after:{last.Id}");
            }
        }
    }

    /// <summary>
    /// What a calendar shows ahead for the plan: its schedule-basis occurrences between two local dates (whether made yet
    /// or not); on a completion basis only the next one can be known, from the open work order.
    /// </summary>
    public static IEnumerable<PlannedOccurrence> Upcoming(MaintenancePlan plan, IEnumerable<PlanSubject> subjects, DateOnly from, DateOnly through) =>
        plan.Basis != RecurrenceBasis.Schedule ? []
        : subjects.SelectMany(s => plan.Every.Between(plan.StartsOn, from, through)
            .Select(date => new PlannedOccurrence(s, date, Recurrence.At(date, plan.DueTime, s.Zone), date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
