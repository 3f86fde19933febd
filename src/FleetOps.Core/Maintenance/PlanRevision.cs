namespace FleetOps.Core.Maintenance;

/// <summary>
/// What a plan's edit does to the work orders it already generated (pure). Only untouched ones follow the plan — still
/// <c>open</c> (nobody booked, started or closed them) and due in the future; work a person has taken up is theirs.
/// They take the plan's title, kind, priority, checklist and due time of day. When the recurrence moved (interval, basis or
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
    public static PlanRevision Of(MaintenancePlan before, MaintenancePlan after, IReadOnlyList<WorkOrder> orders, IReadOnlyList<PlanSubject> subjects,
        int checklistVersion, DateTimeOffset now)
    {
        var updated = new List<WorkOrder>();
        var cancelled = new List<WorkOrder>();
        var moved = before.Every != after.Every || before.Basis != after.Basis || before.StartsOn != after.StartsOn;
        foreach (var subject in subjects)
        {
            var mine = orders.Where(o => string.Equals(o.Subject, subject.Key, StringComparison.OrdinalIgnoreCase)).ToList();
            var untouched = mine.Where(o => Untouched(o, now)).OrderBy(o => o.Id).ToList();
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
                var next = order with
                {
                    Title = after.Name, Kind = after.Kind, Priority = after.Priority, Occurrence = key,
                    DueAt = Recurrence.At(date.Value, after.DueTime, subject.Zone),
                    ChecklistKey = after.Checklist, ChecklistVersion = order.ChecklistKey == after.Checklist ? order.ChecklistVersion : checklistVersion,
                };
                if (next != order) updated.Add(next);
            }
        }
        return new PlanRevision(updated, cancelled);
    }

    /// <summary>Neither booked, started nor closed, and not yet due: nobody has acted on it, so the plan may still change it.</summary>
    public static bool Untouched(WorkOrder order, DateTimeOffset now) =>
        order.State == WorkOrderState.Open && order.StartedAt is null && order.Assignee is null && order.DueAt > now;

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
