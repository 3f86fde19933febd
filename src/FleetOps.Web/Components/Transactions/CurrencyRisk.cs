namespace FleetOps.Web.Components.Transactions;

/// <summary>Money at risk in one currency (amounts in different currencies never add up).</summary>
public sealed record CurrencyRisk(string Currency, long AmountMinor, int Count);
