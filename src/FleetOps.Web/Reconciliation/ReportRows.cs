using FleetOps.Core.Reconciliation;
using FleetOps.Web.Onboarding;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// One pass over a report file: the header (checked against the layout) and then each non-empty row read into an item or
/// an error, numbered as a spreadsheet numbers them (the header is row 1). Rows go through the onboarding import's one
/// reader (CSV or XLSX, streamed) and the matching core's <see cref="ReportRowReader"/> (the card guard), which also
/// refuses booking dates outside <paramref name="bookingDays"/> when given (an import gives them).
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
        var row = 0;
        foreach (var cells in ImportRowReader.Read(content, format))
        {
            row++;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (reader is null)
            {
                Header = HeaderCheck.Of(cells.Select(c => c ?? "").ToList(), layout);
                if (!Header.Ok) yield break;
                reader = new ReportRowReader(layout, Header, bookingDays);
                continue;
            }
            RowsRead++;
            yield return reader.Read(row, cells);
        }
    }
}
