namespace FleetOps.Web.Components.Transactions;

/// <summary>Money at risk of a group of transactions (a store, a region, the user's scope), per currency.</summary>
public sealed record RiskTotals(IReadOnlyList<CurrencyRisk> ByCurrency)
{
    public static readonly RiskTotals None = new([]);

    public int Count => ByCurrency.Sum(c => c.Count);

    /// <summary>For ordering groups "biggest first" although currencies do not add: the largest single-currency amount.</summary>
    public long LargestAmount => ByCurrency.Count == 0 ? 0 : ByCurrency.Max(c => c.AmountMinor);
}
