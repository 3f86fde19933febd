using FleetOps.Core.Maintenance;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>
/// One checklist item while an administrator edits it (the template's items are immutable records). Limits apply only to a
/// reading, so they are dropped when the type is not <see cref="ChecklistItemType.Number"/>.
/// </summary>
public sealed class ChecklistItemDraft
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public ChecklistItemType Type { get; set; } = ChecklistItemType.Check;
    public bool Required { get; set; } = true;
    public string? Unit { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }

    public static ChecklistItemDraft From(ChecklistItem item) => new()
    {
        Key = item.Key, Label = item.Label, Type = item.Type, Required = item.Required, Unit = item.Unit, Min = item.Min, Max = item.Max,
    };

    public ChecklistItem ToItem() => Type == ChecklistItemType.Number
        ? new ChecklistItem(Key.Trim(), Label.Trim(), Type, Required, string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(), Min, Max)
        : new ChecklistItem(Key.Trim(), Label.Trim(), Type, Required);
}
