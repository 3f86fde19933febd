using System.Globalization;
using FleetOps.Core.Reconciliation;
using FleetOps.Web.Onboarding;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// One pass over a report file: the header (checked against the layout) and then each non-empty row read into an item or
/// an error, numbered as a spreadsheet numbers them (the header is row 1). Rows go through the onboarding import's one
/// reader (CSV or XLSX, streamed) and the matching core's <see cref="ReportRowReader"/> (the card guard), which also
/// refuses booking dates outside <paramref name="bookingDays"/> when given (an import gives them). A date cell of a
/// workbook in the date column is its day written in the layout's date format: acquirers' workbooks carry real dates,
/// which Excel shows in whatever format the cell has, not as the text the profile describes.
/// </summary>
internal sealed class ReportRows(Stream content, ImportFormat format, ReportLayout layout, BookingDays? bookingDays = null)
{
    /// <summary>The header as checked; null until read, and for a file without one.</summary>
    public HeaderCheck? Header { get; private set; }

    public int RowsRead { get; private set; }

    /// <summary>The data rows; none when the header is missing or refused (see <see cref="Header"/>).</summary>
    public IEnumerable<RowOutcome> Read()
    {
        ReportRowReader? reader = null;
        var dateAt = -1;
        var row = 0;
        foreach (var values in ImportRowReader.ReadCells(content, format))
        {
            row++;
            var cells = values.Select(ImportRowReader.Text).ToArray();
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (reader is null)
            {
                Header = HeaderCheck.Of(cells.Select(c => c ?? "").ToList(), layout);
                if (!Header.Ok) yield break;
                reader = new ReportRowReader(layout, Header, bookingDays);
                dateAt = Header.Positions[ReportColumn.Date];
                continue;
            }
            // The day only: a date-time cell (a booking stamped with its hour) is booked on its day.
            if (dateAt < values.Length && values[dateAt] is DateTime day)
            {
                cells[dateAt] = DateOnly.FromDateTime(day).ToString(layout.DateFormat, CultureInfo.InvariantCulture);
            }
            RowsRead++;
            yield return reader.Read(row, cells);
        }
    }
}
