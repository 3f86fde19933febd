using FleetOps.Core.Settings;

namespace FleetOps.Core.Reconciliation;

/// <summary><c>FleetOps:Reconciliation</c> (PROTOCOL §11).</summary>
public sealed class ReconciliationOptions : ICheckedSettings
{
    public const string Section = "FleetOps:Reconciliation";

    /// <summary>A settled sale is <c>not_credited</c> once its acquirer's reports reach this many days past its settlement.</summary>
    public int CreditWithinDays { get; set; } = NotCreditedRule.DefaultCreditWithinDays;

    public IReadOnlyList<string> Problems() => new SettingProblems(Section)
        .Range(CreditWithinDays, 0, 60)
        .ToList();
}
