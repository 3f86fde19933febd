using FleetOps.Core.Alerts;
using FleetOps.Core.Maintenance;
using FleetOps.Web.Alerts;
using FleetOps.Web.Maintenance;
using Microsoft.Extensions.Localization;

namespace FleetOps.Web.Localization;

/// <summary>
/// A work order's title in the reader's language. A title someone typed is shown as they wrote it. A title FleetOps wrote —
/// from an alert (<see cref="AlertTitle"/>) or for a follow-up (<see cref="FollowUpWork.Title"/>) — is kept in English, the
/// API's language, and is rendered again here in the reader's, but only while it is still the sentence FleetOps wrote for
/// that subject: the same rule as <see cref="ChecklistText"/>, so nothing typed is ever replaced by a translation.
/// </summary>
public static class WorkOrderText
{
    public static string Title(IStringLocalizer<UiText> texts, MaintenanceBook book, WorkOrder order) =>
        FromAlert(texts, order) ?? FollowUp(texts, book, order) ?? order.Title;

    private static string? FromAlert(IStringLocalizer<UiText> texts, WorkOrder order)
    {
        if (order.AlertId is null) return null;
        foreach (var kind in Enum.GetValues<AlertKind>())
        {
            if (AlertTitleKey(kind) is { } key && AlertTitle.Of(kind, order.TerminalId, order.StoreCode) == order.Title)
                return texts[key, order.TerminalId ?? "", order.StoreCode];
        }
        return null;
    }

    /// <summary>The resource key of <see cref="AlertTitle"/>'s sentence for the kind; its arguments are the terminal id ({0}) and the store code ({1}).</summary>
    public static string? AlertTitleKey(AlertKind kind) => kind switch
    {
        AlertKind.Offline => "AlertTitle.offline",
        AlertKind.UnstablePower => "AlertTitle.unstable_power",
        AlertKind.StorePowerOutage => "AlertTitle.store_power_outage",
        AlertKind.BatteryWeak => "AlertTitle.battery_weak",
        AlertKind.MoneyAtRisk => "AlertTitle.money_at_risk",
        AlertKind.UnsupportedSoftware => "AlertTitle.unsupported_software",
        AlertKind.UpdateOverdue => "AlertTitle.update_overdue",
        AlertKind.RolloutHalted => "AlertTitle.rollout_halted",
        AlertKind.MaintenanceOverdue => "AlertTitle.maintenance_overdue",
        AlertKind.TrainingOverdue => "AlertTitle.training_overdue",
        _ => null,
    };

    /// <summary>"Follow-up: {item} — {found}", from the parent's checklist item and the answer recorded there.</summary>
    private static string? FollowUp(IStringLocalizer<UiText> texts, MaintenanceBook book, WorkOrder order)
    {
        if (order is not { FollowUpOf: { } parentId, FollowUpItem: { } itemKey } || book.Get(parentId) is not { } parent
            || book.Template(parent.ChecklistKey, parent.ChecklistVersion)?.Item(itemKey) is not { } item
            || parent.Results.FirstOrDefault(r => r.Item == itemKey)?.Value?.Trim() is not { Length: > 0 } value
            || FollowUpWork.Title(item, value) != order.Title)
            return null;
        var found = FollowUpWork.Reading(item, value) is { } reading
            ? $"{FollowUpWork.Number(reading)}{(item.Unit is null ? "" : " " + ChecklistText.Unit(texts, item.Unit))}"
            : texts["FollowUp.Failed"].Value;
        return texts["FollowUp.Title", ChecklistText.Label(texts, parent.ChecklistKey, item), found];
    }
}
