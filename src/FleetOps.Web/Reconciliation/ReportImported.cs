namespace FleetOps.Web.Reconciliation;

/// <summary>A change the reconciliation feed announces after a report committed: which report, and the stores it has lines of.</summary>
public sealed record ReportImported(long ReportId, string Acquirer, IReadOnlySet<string> Stores);
