namespace FleetOps.Core.Maintenance;

/// <summary>
/// One line of a checklist. <see cref="Key"/> is stable ASCII (pages find the localised label under
/// <c>template key + item key</c>); <see cref="Min"/>/<see cref="Max"/> bound a <see cref="ChecklistItemType.Number"/> reading.
/// </summary>
public sealed record ChecklistItem(
    string Key, string Label, ChecklistItemType Type, bool Required, string? Unit = null, double? Min = null, double? Max = null)
{
    /// <summary>Whether a reading lies outside the item's limits (a failed check is judged by <see cref="ChecklistCheck"/>).</summary>
    public bool OutOfLimits(double reading) => reading < (Min ?? double.MinValue) || reading > (Max ?? double.MaxValue);
}
