namespace FleetOps.Core.Reconciliation;

/// <summary>What the reports imported so far say about one settled sale.</summary>
public readonly record struct CreditStatus(int Credits, int Mismatches, DateOnly? CreditedOn)
{
    /// <summary>Some credit names the sale, right or wrong: it is not "not credited", whatever else it is.</summary>
    public bool AnyCredit => Credits + Mismatches > 0;
}
