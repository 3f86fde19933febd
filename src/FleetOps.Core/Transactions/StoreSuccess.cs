using FleetOps.Core.Fleet;

namespace FleetOps.Core.Transactions;

/// <summary>A store's sales over the window, for the table of stores.</summary>
public sealed record StoreSuccess(string StoreCode, StoreInfo? Store, SaleCounts Counts);
