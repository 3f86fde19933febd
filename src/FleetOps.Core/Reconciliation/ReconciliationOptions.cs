using FleetOps.Core.Settings;

namespace FleetOps.Core.Reconciliation;

/// <summary><c>FleetOps:Reconciliation</c> (PROTOCOL §11).</summary>
public sealed class ReconciliationOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Reconciliation";

    /// <summary>A settled sale is <c>not_credited</c> once its acquirer's reports reach this many days past its settlement.</summary>
    public int CreditWithinDays { get; set; } = NotCreditedRule.DefaultCreditWithinDays;

    /// <summary>
    /// Lines booked more than this many days before today are per-row errors (<see cref="BookingDays"/>): the import walks
    /// every day of a report's span, so one stray old date would make it walk — and claim to cover — years.
    /// </summary>
    public int MaxBookingAgeDays { get; set; } = BookingDays.DefaultMaxAgeDays;

    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(CreditWithinDays, 0, 60)
        .Range(MaxBookingAgeDays, 1, 3650)
        .ToList();
}
