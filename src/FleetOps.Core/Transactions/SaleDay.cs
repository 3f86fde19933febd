namespace FleetOps.Core.Transactions;

/// <summary>One sale's share of a store's local day: where it counts and what it adds.</summary>
public readonly record struct SaleDay(string StoreCode, DateOnly Day, SaleCounts Counts);
