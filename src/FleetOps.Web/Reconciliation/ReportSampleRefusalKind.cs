namespace FleetOps.Web.Reconciliation;

/// <summary>The kinds of <see cref="ReportSampleRefusal"/>.</summary>
public enum ReportSampleRefusalKind
{
    TooLarge,
    Unreadable,
    Empty,
    CardNumber,
}
