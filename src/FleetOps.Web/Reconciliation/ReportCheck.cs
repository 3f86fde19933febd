using FleetOps.Core.Reconciliation;
using FleetOps.Web.Onboarding;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The first pass over a report, before anything is stored: the header names every column the layout needs and no
/// other, no row holds a full card number (one such row refuses the whole file, issue 16), and the booking days the
/// readable rows cover (the window the second pass loads).
/// </summary>
internal sealed record ReportCheck(string? Problem, DateOnly? First, DateOnly? Last)
{
    private const int ProgressEveryRows = 5_000;

    public static ReportCheck Run(ReportUpload upload, ReportSpool file, ReportLayout layout, IProgress<ReportReadProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var stream = file.OpenRead();
        var rows = new ReportRows(stream, upload.Format, layout);
        DateOnly? first = null, last = null;
        try
        {
            foreach (var row in rows.Read())
            {
                if (row.HoldsCardNumber)
                {
                    return new ReportCheck($"Row {row.Row} holds a full card number; the report was not imported. Reports may show masked card numbers only.", null, null);
                }
                if (row.Item is { } item)
                {
                    if (first is not { } f || item.BookedOn < f) first = item.BookedOn;
                    if (last is not { } l || item.BookedOn > l) last = item.BookedOn;
                }
                if (rows.RowsRead % ProgressEveryRows == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new ReportReadProgress(ReportImportStage.Checking, rows.RowsRead, stream.Position, file.Length));
                }
            }
        }
        catch (Exception e) when (ImportRowReader.IsUnreadable(e))
        {
            return new ReportCheck($"The file could not be read as {upload.Format.ToString().ToUpperInvariant()}.", null, null);
        }
        progress?.Report(new ReportReadProgress(ReportImportStage.Checking, rows.RowsRead, file.Length, file.Length));
        if (rows.Header is not { } header) return new ReportCheck("The file is empty: a header row and at least one line are needed.", null, null);
        if (!header.Ok) return new ReportCheck(HeaderProblem(header), null, null);
        return new ReportCheck(null, first, last);
    }

    private static string HeaderProblem(HeaderCheck header)
    {
        var parts = new List<string>();
        if (header.Missing.Count > 0) parts.Add($"missing columns: {string.Join(", ", header.Missing)}");
        if (header.Unknown.Count > 0) parts.Add($"unknown columns: {string.Join(", ", header.Unknown)}");
        return $"The header does not fit the layout ({string.Join("; ", parts)}). Nothing was imported.";
    }
}
