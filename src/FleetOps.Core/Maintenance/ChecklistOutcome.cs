namespace FleetOps.Core.Maintenance;

/// <summary>
/// The judgement of a completed checklist: the <see cref="Problems"/> that refuse it (empty: it may be completed) and
/// the items <see cref="Flagged"/> — a failed check or a reading out of limits (explained by a note) — that the pages
/// highlight and that may call for a follow-up work order.
/// </summary>
public sealed record ChecklistOutcome(IReadOnlyList<ChecklistProblem> Problems, IReadOnlySet<string> Flagged)
{
    public bool Accepted => Problems.Count == 0;
}
