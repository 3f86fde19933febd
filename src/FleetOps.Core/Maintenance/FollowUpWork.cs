using System.Globalization;

namespace FleetOps.Core.Maintenance;

/// <summary>
/// The follow-up a flagged checklist item calls for (issue 14 "a failed item can raise a follow-up work order"): a repair at
/// the same store or terminal, high priority, titled with the item and what was found, re-checked with the parent's
/// checklist and linked to the parent. Only an item <see cref="ChecklistCheck"/> flagged — a failed check, a reading out
/// of limits — raises one: a fine reading is nothing to follow up.
/// </summary>
public static class FollowUpWork
{
    /// <summary>A new (unsaved) follow-up of <paramref name="parent"/> for <paramref name="item"/>, or null when the recorded answer is not flagged.</summary>
    public static WorkOrder? For(WorkOrder parent, ChecklistTemplate checklist, string item, DateTimeOffset now, TimeSpan dueWithin, string actor)
    {
        if (checklist.Item(item) is not { } checkItem) return null;
        var value = parent.Results.FirstOrDefault(r => r.Item == item)?.Value;
        if (!ChecklistCheck.IsFlagged(checkItem, value)) return null;
        return new WorkOrder(0, parent.StoreCode, parent.TerminalId, Title(checkItem, value!.Trim()), WorkOrderKind.Repair, WorkOrderPriority.High,
            WorkOrderState.Open, now + dueWithin, parent.ChecklistKey, checklist.Version, now, actor)
        {
            // The technician who found the fault knows the site; a dispatcher books the visit (or gives it to someone else).
            Assignee = parent.Assignee,
            FollowUpOf = parent.Id,
            FollowUpItem = item,
        };
    }

    /// <summary>"Follow-up: UPS runtime on battery — 4 minutes" or "Follow-up: UPS self-test passes — failed" (kept text, in English like alert titles).</summary>
    public static string Title(ChecklistItem item, string value)
    {
        var found = Reading(item, value) is { } reading ? $"{Number(reading)}{(item.Unit is { } unit ? " " + unit : "")}" : "failed";
        var title = $"Follow-up: {item.Label} — {found}";
        return title.Length <= MaxTitleLength ? title : title[..(MaxTitleLength - 1)] + "…";
    }

    /// <summary>What a numeric item read, or null for a check (which can only have failed) or an unreadable answer.</summary>
    public static double? Reading(ChecklistItem item, string value) =>
        item.Type == ChecklistItemType.Number && ChecklistCheck.TryReading(value, out var reading) ? reading : null;

    /// <summary>A reading as the title writes it, in every language: <c>4</c>, <c>12.5</c>.</summary>
    public static string Number(double reading) => reading.ToString("G", CultureInfo.InvariantCulture);

    /// <summary>The longest work order title (the column's size).</summary>
    public const int MaxTitleLength = 200;
}
