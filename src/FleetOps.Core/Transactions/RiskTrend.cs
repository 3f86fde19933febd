namespace FleetOps.Core.Transactions;

/// <summary>Money at risk at the end of each of the last days, oldest first, one series per currency (currencies never add up).</summary>
public sealed record RiskTrend(IReadOnlyList<DateOnly> Days, IReadOnlyList<CurrencyTrend> Currencies)
{
    public static readonly RiskTrend None = new([], []);

    /// <summary>Nothing was at risk at any of the days' ends.</summary>
    public bool IsEmpty => Currencies.Count == 0;
}
