namespace FleetOps.Core.Maintenance;

/// <summary>
/// What a plan's edit does to the work orders it already generated (pure). Only untouched ones follow the plan — due in
/// the future, not started, and either still <c>open</c> and unassigned or booked exactly as the generator booked them
/// (the plan's technician, the slot ending at the due time): work a person has taken up, moved or handed to someone else
/// is theirs. They take the plan's title, kind, priority, checklist, due time of day and booking: to the plan's technician
/// now, in the slot of its estimated time before the due time, or unbooked when the plan has none — so a plan whose
/// technician left can hand every visit nobody touched to the new one. When the recurrence moved (interval, basis or
/// start), one no longer on the new schedule is cancelled and its occurrence key set aside, so the generator's
/// (plan, subject, occurrence) dedupe does not take it for a visit of the new schedule; one still on it is kept (and keyed
/// by its date), so that date is not made twice.
/// </summary>
public sealed record PlanRevision(IReadOnlyList<WorkOrder> Updated, IReadOnlyList<WorkOrder> Cancelled)
{
    /// <summary>The reason a cancelled work order shows (English, as every stored reason; pages translate it).</summary>
    public const string Reason = "The plan changed: this visit is no longer on its schedule.";

    /// <param name="orders">Every work order of the plan.</param>
    /// <param name="subjects">The plan's subjects now (an order of a subject no longer covered is left alone).</param>
    /// <param name="checklistVersion">The version of <paramref name="after"/>'s checklist generation pins now.</param>
    /// <param name="technician">Who generation books <paramref name="after"/>'s work to now (its technician, unless unknown or disabled), or null.</param>
    public static PlanRevision Of(MaintenancePlan before, MaintenancePlan after, IReadOnlyList<WorkOrder> orders, IReadOnlyList<PlanSubject> subjects,
        int checklistVersion, string? technician, DateTimeOffset now)
    {
        var updated = new List<WorkOrder>();
        var cancelled = new List<WorkOrder>();
        var moved = before.Every != after.Every || before.Basis != after.Basis || before.StartsOn != after.StartsOn;
        foreach (var subject in subjects)
        {
            var mine = orders.Where(o => string.Equals(o.Subject, subject.Key, StringComparison.OrdinalIgnoreCase)).ToList();
            var untouched = mine.Where(o => Untouched(o, before, now)).OrderBy(o => o.Id).ToList();
            // The keys the new schedule may not reuse: those of every order kept as it is.
            var taken = mine.Except(untouched).Select(o => o.Occurrence).ToHashSet(StringComparer.Ordinal);
            foreach (var order in untouched)
            {
                var date = moved ? NewDate(after, order, mine, subject, untouched[^1]) : Recurrence.LocalDate(order.DueAt, subject.Zone);
                var key = date is null ? null : after.Basis == RecurrenceBasis.Schedule ? Key(date.Value) : order.Occurrence;
                if (date is null || !taken.Add(key))
                {
                    cancelled.Add(order with
                    {
                        State = WorkOrderState.Cancelled, Reason = Reason, ClosedAt = now, Occurrence = $"replaced:{order.Id}",
                    });
                    continue;
                }
                var due = Recurrence.At(date.Value, after.DueTime, subject.Zone);
                var next = order with
                {
                    Title = after.Name, Kind = after.Kind, Priority = after.Priority, Occurrence = key, DueAt = due,
                    ChecklistKey = after.Checklist, ChecklistVersion = order.ChecklistKey == after.Checklist ? order.ChecklistVersion : checklistVersion,
                    State = technician is null ? WorkOrderState.Open : WorkOrderState.Scheduled, Assignee = technician,
                    ScheduledStart = technician is null ? null : due.AddMinutes(-after.EstimatedMinutes),
                    ScheduledEnd = technician is null ? null : due,
                };
                if (next != order) updated.Add(next);
            }
        }
        return new PlanRevision(updated, cancelled);
    }

    /// <summary>
    /// Not yet due, not started, and either open and unassigned or booked as <paramref name="plan"/>'s generation booked it
    /// (its technician, the slot of its estimated time ending at the due time): nobody has acted on it, so the plan may
    /// still change it. A booking a dispatcher moved or gave to someone else differs in one of those and stays theirs.
    /// </summary>
    public static bool Untouched(WorkOrder order, MaintenancePlan plan, DateTimeOffset now) =>
        order.StartedAt is null && order.DueAt > now && (
            (order.State == WorkOrderState.Open && order.Assignee is null)
            || (order.State == WorkOrderState.Scheduled && plan.DefaultTechnician is { } technician
                && string.Equals(order.Assignee, technician, StringComparison.OrdinalIgnoreCase)
                && order.ScheduledEnd == order.DueAt && order.ScheduledStart == order.DueAt.AddMinutes(-plan.EstimatedMinutes)));

    /// <summary>
    /// The local date an untouched order falls on under the new recurrence, or null when the new one has no place for it.
    /// Schedule basis: its own date, if the new series has it. Completion basis: one open visit a subject, the newest (the one
    /// the generator waits on), on the new start or the new interval after the visit it follows.
    /// </summary>
    private static DateOnly? NewDate(MaintenancePlan after, WorkOrder order, IReadOnlyList<WorkOrder> mine, PlanSubject subject, WorkOrder newest)
    {
        var date = Recurrence.LocalDate(order.DueAt, subject.Zone);
        if (after.Basis == RecurrenceBasis.Schedule)
        {
            var first = Max(after.StartsOn, Recurrence.LocalDate(after.CreatedAt, subject.Zone));
            return date >= first && after.Every.Between(after.StartsOn, date, date).Any() ? date : null;
        }
        if (order != newest) return null;
        if (order.Occurrence == "first") return after.StartsOn;
        var previous = order.Occurrence is { } key && key.StartsWith("after:", StringComparison.Ordinal)
            ? mine.FirstOrDefault(o => $"after:{o.Id}" == key) : null;
        return previous?.ClosedAt is { } closed ? after.Every.Occurrence(Recurrence.LocalDate(closed, subject.Zone), 1) : date;
    }

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
