using FleetOps.Core.Maintenance;
using Microsoft.Extensions.Localization;

namespace FleetOps.Web.Localization;

/// <summary>
/// A checklist's title, item labels and units in the reader's language. The shipped checklists (<see cref="DefaultChecklists"/>)
/// are translated under <c>Checklist.{template}</c> and <c>Checklist.{template}.{item}</c> — but only while their English is
/// still the shipped one: an administrator's edited wording is shown as they wrote it, never replaced by an old translation.
/// </summary>
public static class ChecklistText
{
    /// <summary>The translated texts, spelled out (resource keys are found by their literal, see ResourceKeyTests).</summary>
    private static readonly HashSet<string> Translated = new(StringComparer.Ordinal)
    {
        "Checklist.terminal_inspection",
        "Checklist.power_ups",
        "Checklist.cable_network",
        "Checklist.software_update",
        "Checklist.printer_reader_cleaning",
        "Checklist.battery_replacement",
        "Checklist.terminal_inspection.housing_intact",
        "Checklist.terminal_inspection.no_tampering",
        "Checklist.terminal_inspection.card_reader_ok",
        "Checklist.terminal_inspection.printer_ok",
        "Checklist.terminal_inspection.signal_bars",
        "Checklist.terminal_inspection.terminal_photo",
        "Checklist.terminal_inspection.remarks",
        "Checklist.terminal_inspection.manager_signature",
        "Checklist.power_ups.adapter_ok",
        "Checklist.power_ups.mains_voltage",
        "Checklist.power_ups.ups_self_test",
        "Checklist.power_ups.ups_runtime",
        "Checklist.power_ups.ups_load",
        "Checklist.power_ups.surge_protection",
        "Checklist.power_ups.ups_photo",
        "Checklist.power_ups.manager_signature",
        "Checklist.cable_network.cables_secured",
        "Checklist.cable_network.connectors_ok",
        "Checklist.cable_network.router_ok",
        "Checklist.cable_network.ping_ms",
        "Checklist.cable_network.packet_loss",
        "Checklist.cable_network.backup_link",
        "Checklist.cable_network.manager_signature",
        "Checklist.software_update.version_before",
        "Checklist.software_update.update_installed",
        "Checklist.software_update.version_after",
        "Checklist.software_update.test_payment",
        "Checklist.software_update.settlement_ok",
        "Checklist.software_update.manager_signature",
        "Checklist.printer_reader_cleaning.printer_head_cleaned",
        "Checklist.printer_reader_cleaning.card_slot_cleaned",
        "Checklist.printer_reader_cleaning.screen_cleaned",
        "Checklist.printer_reader_cleaning.paper_stock",
        "Checklist.printer_reader_cleaning.test_receipt",
        "Checklist.printer_reader_cleaning.manager_signature",
        "Checklist.battery_replacement.old_battery_serial",
        "Checklist.battery_replacement.new_battery_serial",
        "Checklist.battery_replacement.charge_after",
        "Checklist.battery_replacement.runs_on_battery",
        "Checklist.battery_replacement.old_battery_disposed",
        "Checklist.battery_replacement.battery_photo",
        "Checklist.battery_replacement.manager_signature",
        "Checklist.Unit.bars",
        "Checklist.Unit.minutes",
    };

    public static string Title(IStringLocalizer<UiText> texts, ChecklistTemplate template) =>
        Shipped(template.Key) is { } shipped && shipped.Title == template.Title ? Text(texts, $"Checklist.{template.Key}", template.Title) : template.Title;

    public static string Label(IStringLocalizer<UiText> texts, string template, ChecklistItem item) =>
        Shipped(template)?.Item(item.Key) is { } shipped && shipped.Label == item.Label ? Text(texts, $"Checklist.{template}.{item.Key}", item.Label) : item.Label;

    /// <summary>A unit as it is read ("分钟" for minutes); symbols such as V, % and ms stay as they are.</summary>
    public static string Unit(IStringLocalizer<UiText> texts, string? unit) => unit is null ? "" : Text(texts, $"Checklist.Unit.{unit}", unit);

    /// <summary>
    /// A reading's limits ("10–20 V", "at least 10 V", "at most 20 V"); empty when it has neither, or is not a reading. The
    /// work order and the template's read-only view say them alike.
    /// </summary>
    public static string Limits(IStringLocalizer<UiText> texts, UiFormat format, ChecklistItem item)
    {
        if (item.Type != ChecklistItemType.Number) return "";
        string Number(double value) => value.ToString("G", format.Culture);
        return (item.Min, item.Max) switch
        {
            ({ } min, { } max) => texts["WorkOrder.Limits.Between", Number(min), Number(max), Unit(texts, item.Unit)],
            ({ } min, null) => texts["WorkOrder.Limits.AtLeast", Number(min), Unit(texts, item.Unit)],
            (null, { } max) => texts["WorkOrder.Limits.AtMost", Number(max), Unit(texts, item.Unit)],
            _ => "",
        };
    }

    private static ChecklistTemplate? Shipped(string key) => DefaultChecklists.All.FirstOrDefault(t => t.Key == key);

    private static string Text(IStringLocalizer<UiText> texts, string key, string english) => Translated.Contains(key) ? texts[key] : english;
}
