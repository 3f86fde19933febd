namespace FleetOps.Core.Reconciliation;

/// <summary>
/// What the reports imported so far say about one settled sale: how many right credits and wrong-amount credits named
/// it, the booking day of its first right credit, and the fee that credit carried (in the sale's currency, which a right
/// credit has by definition). The fee travels with the status so that the figures never join a sale to its report line
/// (issue 16: that join's index cost a fifth of a million-line import).
/// </summary>
public readonly record struct CreditStatus(int Credits, int Mismatches, DateOnly? CreditedOn, long FeeMinor)
{
    /// <summary>Some credit names the sale, right or wrong: it is not "not credited", whatever else it is.</summary>
    public bool AnyCredit => Credits + Mismatches > 0;
}
