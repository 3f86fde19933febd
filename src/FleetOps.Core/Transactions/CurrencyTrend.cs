namespace FleetOps.Core.Transactions;

/// <summary>Money at risk in one currency at the end of each day of a <see cref="RiskTrend"/>, in minor units.</summary>
public sealed record CurrencyTrend(string Currency, IReadOnlyList<long> AmountMinor);
