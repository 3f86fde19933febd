using FleetOps.Core.Maintenance;

namespace FleetOps.Core.Training;

/// <summary>
/// A training programme (docs/api.md §9): a checklist of what the trainer goes through with each person, and how many
/// calendar months the training stays valid. The items are maintenance's checklist items (a programme only uses checks);
/// a person is trained in the programme by a session in which they completed every required item.
/// </summary>
public sealed record TrainingProgramme(string Key, string Title, int ValidForMonths, IReadOnlyList<ChecklistItem> Items)
{
    public ChecklistItem? Item(string key) => Items.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="completed"/> covers every required item: the person counts as trained.</summary>
    public bool IsCompletedBy(IReadOnlySet<string> completed) => Items.Where(i => i.Required).All(i => completed.Contains(i.Key));

    /// <summary>The last day training held on <paramref name="heldOn"/> is valid: calendar months, so Jan 31 + 1 month is Feb 28 (29).</summary>
    public DateOnly ValidUntil(DateOnly heldOn) => heldOn.AddMonths(ValidForMonths);
}
