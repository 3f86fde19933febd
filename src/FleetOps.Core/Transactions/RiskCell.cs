namespace FleetOps.Core.Transactions;

/// <summary>Money at risk of one store in one currency for one reason.</summary>
public sealed record RiskCell(string StoreCode, string Currency, UnsettledReason Reason, long AmountMinor, int Count);
