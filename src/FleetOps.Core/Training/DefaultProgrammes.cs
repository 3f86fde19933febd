using FleetOps.Core.Maintenance;

namespace FleetOps.Core.Training;

/// <summary>
/// The training programmes FleetOps ships (issue 15), written from the product brief. Keys are stable ASCII: pages look up
/// the translated title and labels as <c>Training.{programme}</c> and <c>Training.{programme}.{item}</c>; the English
/// here is what the API returns. Training is valid 12 months; the emergency plan 6, because the people and numbers in it
/// change more often than the payment procedure and a plan nobody has walked through for a year is not remembered.
/// </summary>
public static class DefaultProgrammes
{
    public const string CardPayment = "card_payment";
    public const string PowerFailure = "power_failure";
    public const string Settlement = "daily_settlement";
    public const string Reversal = "automatic_reversal";
    public const string TerminalCare = "terminal_care";
    public const string EmergencyPlan = "emergency_plan";

    public static IReadOnlyList<TrainingProgramme> All { get; } =
    [
        new(CardPayment, "Card-payment procedure", 12,
        [
            Check("amount_confirmed", "Key the amount and have the customer confirm it on the terminal's screen"),
            Check("card_presented", "Let the customer insert, tap or swipe the card themselves; never take the card out of sight"),
            Check("pin_step", "Let the customer enter the PIN shielded from view; never ask for or type the PIN"),
            Check("signature_step", "When the terminal asks for a signature, have the customer sign and compare it with the card before finishing"),
            Check("wait_for_result", "Wait for the approval on the terminal's screen before handing over goods"),
            Check("receipts", "Give the customer their receipt and keep the merchant copy"),
            Check("declined", "On a decline, ask for another card or payment method; never retry the same card more than once", required: false),
        ]),
        new(PowerFailure, "Power fails mid-payment", 12,
        [
            Check("hold_goods", "Do not hand over the goods until the result of the payment is clear"),
            Check("check_record", "Once the terminal is back, check its transaction record for the payment (approved, reversed or missing)"),
            Check("no_second_charge", "Do not take the payment again until the record shows the first one was not charged"),
            Check("call_acquirer", "If the record is unclear, call the acquirer's merchant hotline with the facts: terminal, time, amount, card's last four digits"),
            Check("note_case", "Note what happened so the manager can follow the payment up in FleetOps"),
        ]),
        new(Settlement, "Daily settlement and reconciliation", 12,
        [
            Check("settle_daily", "Settle the terminal's batch at the end of every trading day"),
            Check("settlement_report", "Print or check the settlement report and keep it with the day's takings"),
            Check("reconcile", "Reconcile the report's totals with the till's card sales; report any difference to the manager the same day"),
            Check("failed_settlement", "When settlement fails, retry once and otherwise tell the manager; never leave a batch open overnight"),
        ]),
        new(Reversal, "Recognising and explaining an automatic reversal", 12,
        [
            Check("recognise", "Recognise an automatic reversal on the terminal or the receipt"),
            Check("explain_hold", "Explain to the customer that the amount was held but is released by their bank, usually within a few days"),
            Check("new_payment", "Take a new payment only after the reversal is confirmed"),
            Check("record_reversal", "Keep the reversal receipt with the day's takings"),
        ]),
        new(TerminalCare, "Basic terminal care", 12,
        [
            Check("power_cable", "Keep the power cable firmly seated and out of the way of feet and chairs; never on a daisy-chained power strip"),
            Check("battery", "Charge the battery overnight and report a battery that no longer lasts a shift"),
            Check("cleaning", "Clean the screen, keypad and card reader with the approved wipes only, with the terminal switched off"),
            Check("tampering", "Check the terminal for signs of tampering at the start of each shift and report anything unusual at once"),
        ]),
        new(EmergencyPlan, "The store's emergency plan", 6,
        [
            Check("knows_location", "Knows where the plan is kept in the back office"),
            Check("power_steps", "Knows what to do when the power fails mid-payment or a terminal dies"),
            Check("who_to_call", "Knows whom to call: the acquirer's merchant hotline, the assigned technician, the electrician"),
            Check("ups_spare", "Knows where the UPS and the spare terminal are and how to switch to the spare"),
            Check("explains_plan", "The staff member can explain the plan in their own words"),
        ]),
    ];

    public static TrainingProgramme? Find(string? key) => All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));

    private static ChecklistItem Check(string key, string label, bool required = true) => DefaultChecklists.Check(key, label, required);
}
