namespace FleetOps.Core.Reconciliation;

/// <summary>
/// PROTOCOL §11: a settled sale is <c>not_credited</c> once its acquirer's imported reports reach at least
/// <c>FleetOps:Reconciliation:CreditWithinDays</c> days past the day it was settled and no credit named it. A credit
/// of the wrong amount is not an absence: it shows as a mismatch instead.
/// </summary>
public static class NotCreditedRule
{
    public const int DefaultCreditWithinDays = 2;

    public static bool Applies(CreditCandidate sale, CreditStatus status, DateOnly? coveredThrough, int creditWithinDays) =>
        !status.AnyCredit && coveredThrough is { } covered && covered.DayNumber - sale.SettledOn.DayNumber >= creditWithinDays;

    public static bool Applies(CreditLedger ledger, CreditCandidate sale, int creditWithinDays) =>
        Applies(sale, ledger.StatusOf(SaleKey.Of(sale)), ledger.CoveredThrough, creditWithinDays);
}
