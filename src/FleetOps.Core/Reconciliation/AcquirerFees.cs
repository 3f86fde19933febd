namespace FleetOps.Core.Reconciliation;

/// <summary>
/// The fees one acquirer took in one currency over the scorecard's window: the total, and per credited sale — a sale
/// that was never credited carries no fee, so dividing by every sale would make the least reliable acquirer look cheapest.
/// </summary>
public sealed record AcquirerFees(string Currency, long TotalMinor, int CreditedSales)
{
    /// <summary>Rounded to the nearest minor unit; 0 without credited sales.</summary>
    public long PerSaleMinor => CreditedSales == 0 ? 0 : (long)Math.Round((double)TotalMinor / CreditedSales, MidpointRounding.AwayFromZero);
}
