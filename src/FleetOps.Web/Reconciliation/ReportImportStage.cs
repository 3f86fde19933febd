namespace FleetOps.Web.Reconciliation;

/// <summary>The two passes over a report: every row checked (nothing stored yet), then matched and written.</summary>
public enum ReportImportStage
{
    Checking,
    Matching,
}
