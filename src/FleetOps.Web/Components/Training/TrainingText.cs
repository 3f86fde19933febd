using FleetOps.Core.Training;
using FleetOps.Web.Localization;
using Microsoft.Extensions.Localization;

namespace FleetOps.Web.Components.Training;

/// <summary>
/// A training programme's title and item labels in the reader's language, under <c>Training.{programme}</c> and
/// <c>Training.{programme}.{item}</c>. Programmes are shipped, not edited, so every shipped text has its translation;
/// anything else (a programme a later version adds before its texts) is shown in the API's English.
/// </summary>
public static class TrainingText
{
    /// <summary>The translated texts, spelled out (resource keys are found by their literal, see ResourceKeyTests).</summary>
    private static readonly HashSet<string> Translated = new(StringComparer.Ordinal)
    {
        "Training.card_payment",
        "Training.card_payment.amount_confirmed",
        "Training.card_payment.card_presented",
        "Training.card_payment.pin_step",
        "Training.card_payment.signature_step",
        "Training.card_payment.wait_for_result",
        "Training.card_payment.receipts",
        "Training.card_payment.declined",
        "Training.power_failure",
        "Training.power_failure.hold_goods",
        "Training.power_failure.check_record",
        "Training.power_failure.no_second_charge",
        "Training.power_failure.call_acquirer",
        "Training.power_failure.note_case",
        "Training.daily_settlement",
        "Training.daily_settlement.settle_daily",
        "Training.daily_settlement.settlement_report",
        "Training.daily_settlement.reconcile",
        "Training.daily_settlement.failed_settlement",
        "Training.automatic_reversal",
        "Training.automatic_reversal.recognise",
        "Training.automatic_reversal.explain_hold",
        "Training.automatic_reversal.new_payment",
        "Training.automatic_reversal.record_reversal",
        "Training.terminal_care",
        "Training.terminal_care.power_cable",
        "Training.terminal_care.battery",
        "Training.terminal_care.cleaning",
        "Training.terminal_care.tampering",
        "Training.emergency_plan",
        "Training.emergency_plan.knows_location",
        "Training.emergency_plan.power_steps",
        "Training.emergency_plan.who_to_call",
        "Training.emergency_plan.ups_spare",
        "Training.emergency_plan.explains_plan",
    };

    public static string Title(IStringLocalizer<UiText> texts, TrainingProgramme programme) => Text(texts, $"Training.{programme.Key}", programme.Title);

    public static string Label(IStringLocalizer<UiText> texts, TrainingProgramme programme, string item) =>
        Text(texts, $"Training.{programme.Key}.{item}", programme.Item(item)?.Label ?? item);

    private static string Text(IStringLocalizer<UiText> texts, string key, string english) => Translated.Contains(key) ? texts[key] : english;
}
