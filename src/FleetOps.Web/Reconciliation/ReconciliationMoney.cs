namespace FleetOps.Web.Reconciliation;

/// <summary>A day's money in one currency, in minor units: what the acquirer credited, its fees, and what reached the merchant.</summary>
public sealed record ReconciliationMoney(string Currency, long GrossMinor, long FeeMinor, long NetMinor);
