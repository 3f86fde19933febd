namespace FleetOps.Web.Components.Transactions;

public sealed record RegionRisk(string Region, int Stores, RiskTotals Risk);
