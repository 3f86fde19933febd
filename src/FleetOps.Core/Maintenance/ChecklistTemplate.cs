namespace FleetOps.Core.Maintenance;

/// <summary>
/// A checklist template at one version. Editing a template makes version n+1; a work order pins the version it was made
/// with, so an edit never rewrites open or finished work.
/// </summary>
public sealed record ChecklistTemplate(string Key, int Version, string Title, IReadOnlyList<ChecklistItem> Items)
{
    public const int MaxItems = 100;

    public ChecklistItem? Item(string key) => Items.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.Ordinal));
}
