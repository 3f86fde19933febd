namespace FleetOps.Web.Reconciliation;

/// <summary>
/// How far an import is, for a progress bar: the file is read twice (checked, then matched and written), so
/// <see cref="Percent"/> gives each pass half the bar, measured in bytes of the file.
/// </summary>
public sealed record ReportReadProgress(ReportImportStage Stage, long RowsRead, long BytesRead, long TotalBytes)
{
    public double Percent => TotalBytes <= 0 ? 0
        : Math.Clamp((Stage == ReportImportStage.Matching ? 50 : 0) + 50.0 * BytesRead / TotalBytes, 0, 100);
}
