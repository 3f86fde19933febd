namespace FleetOps.Web.Reconciliation;

/// <summary>The days, acquirer and store the reconciliation page, its export and the scorecard look at (all inclusive).</summary>
public sealed record ReconciliationFilter(DateOnly From, DateOnly Through, string? Acquirer, string? Store);
