namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The answer of one import: the stored report (new, or the earlier import of the same file), or why nothing was stored —
/// <see cref="Problem"/> in words, naming the missing and unknown columns or the row that holds a card number.
/// </summary>
public sealed record ReportImportOutcome(ReportImportStatus Status, ReportSummary? Report, string? Problem)
{
    public static ReportImportOutcome Refused(string problem) => new(ReportImportStatus.Refused, null, problem);
}
