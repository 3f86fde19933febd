using FleetOps.Core.Fleet;

namespace FleetOps.Web.Components.Transactions;

public sealed record StoreRisk(string StoreCode, StoreInfo? Store, RiskTotals Risk);
