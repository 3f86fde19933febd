namespace FleetOps.Web.Reconciliation;

/// <summary>One row of a report that was not imported, and why (PROTOCOL §11 <c>errors</c>). The header is row 1.</summary>
public sealed record ReportLineError(int Row, string Error);
