namespace FleetOps.Core.Maintenance;

/// <summary>
/// One work order a plan calls for: its subject, its local date and due instant, and <see cref="Occurrence"/> — the key that
/// makes it unique within the plan and subject (the date on a schedule basis, <c>after:{id}</c> of the work order it follows
/// on a completion basis), so two generators, or one after a restart, insert it once.
/// </summary>
public sealed record PlannedOccurrence(PlanSubject Subject, DateOnly Date, DateTimeOffset DueAt, string Occurrence);
