using FleetOps.Core.Reconciliation;
using FleetOps.Web.Onboarding;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// The first pass over a report, before anything is stored: the header names every column the layout needs and no
/// other, no row holds a full card number (one such row refuses the whole file, issue 16), the booking days the readable
/// rows cover (the days the second pass walks), the readable lines sorted by day on disk (<see cref="ReportDays"/>) and
/// the unreadable rows' errors — a booking date outside <see cref="BookingDays"/> among them, so that one stray date
/// neither stretches the walk over centuries nor claims coverage of days no report has reached. A header without a single
/// line is refused like an empty file: a report of no days proves nothing, and stored it would only answer "imported"
/// to the next upload of the same empty file.
/// </summary>
internal sealed class ReportCheck : IDisposable
{
    private const int ProgressEveryRows = 5_000;

    private ReportCheck(string? problem, DateOnly? first, DateOnly? last, ReportDays? days, int rows, ReportErrors errors)
    {
        (Problem, First, Last, Days, Rows, Errors) = (problem, first, last, days, rows, errors);
    }

    public string? Problem { get; }

    public DateOnly? First { get; }

    public DateOnly? Last { get; }

    /// <summary>The readable lines by booking day; null when the file was refused.</summary>
    public ReportDays? Days { get; }

    /// <summary>Data rows read, readable or not.</summary>
    public int Rows { get; }

    public ReportErrors Errors { get; }

    public const string NoLines = "The file has a header row but no lines: a header row and at least one line are needed.";

    public static ReportCheck Run(ReportUpload upload, ReportSpool file, ReportLayout layout, BookingDays bookingDays, IProgress<ReportReadProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var stream = file.OpenRead();
        var rows = new ReportRows(stream, upload.Format, layout, bookingDays);
        DateOnly? first = null, last = null;
        var days = new ReportDays();
        var errors = new ReportErrors();
        try
        {
            foreach (var row in rows.Read())
            {
                if (row.HoldsCardNumber)
                {
                    return Refused(days, $"Row {row.Row} holds a full card number; the report was not imported. Reports may show masked card numbers only.");
                }
                if (row.Item is { } item)
                {
                    if (first is not { } f || item.BookedOn < f) first = item.BookedOn;
                    if (last is not { } l || item.BookedOn > l) last = item.BookedOn;
                    days.Add(item);
                }
                else
                {
                    errors.Add(row.Row, row.Error!);
                }
                if (rows.RowsRead % ProgressEveryRows == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new ReportReadProgress(ReportImportStage.Checking, rows.RowsRead, stream.Position, file.Length));
                }
            }
            days.Seal();
        }
        catch (Exception e) when (ImportRowReader.IsUnreadable(e))
        {
            return Refused(days, $"The file could not be read as {upload.Format.ToString().ToUpperInvariant()}.");
        }
        catch
        {
            days.Dispose();
            throw;
        }
        progress?.Report(new ReportReadProgress(ReportImportStage.Checking, rows.RowsRead, file.Length, file.Length));
        if (rows.Header is not { } header) return Refused(days, "The file is empty: a header row and at least one line are needed.");
        if (!header.Ok) return Refused(days, HeaderProblem(header));
        if (rows.RowsRead == 0) return Refused(days, NoLines);
        return new ReportCheck(null, first, last, days, rows.RowsRead, errors);
    }

    public void Dispose() => Days?.Dispose();

    private static ReportCheck Refused(ReportDays days, string problem)
    {
        days.Dispose();
        return new ReportCheck(problem, null, null, null, 0, new ReportErrors());
    }

    private static string HeaderProblem(HeaderCheck header)
    {
        var parts = new List<string>();
        if (header.Missing.Count > 0) parts.Add($"missing columns: {string.Join(", ", header.Missing)}");
        if (header.Unknown.Count > 0) parts.Add($"unknown columns: {string.Join(", ", header.Unknown)}");
        return $"The header does not fit the layout ({string.Join("; ", parts)}). Nothing was imported.";
    }
}
