using FleetOps.Core.Reconciliation;
using FleetOps.Web.Onboarding;
using FleetOps.Web.Reconciliation;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// An acquirer's workbook holds its booking dates as date cells (a number Excel shows as a date), not as text: each reads
/// as the day Excel shows, whatever date format the cell has, whatever the profile's date format, in either of Excel's
/// date systems. Before, every such row was refused ("'date' must be a date written yyyy-MM-dd.").
/// </summary>
public sealed class XlsxDateCellsTests
{
    private static readonly object[] Header = AcquirerShop.Header.Split(',');

    private static object[] Line(object date) =>
        [date, "898440153110001", "88000001", "611234567890", "A1B2C3", 12800L, "CNY", "622848******1234", "sale", 50L];

    private static RowOutcome ReadOne(byte[] workbook, ReportLayout? layout = null)
    {
        using var stream = new MemoryStream(workbook);
        return Assert.Single(new ReportRows(stream, ImportFormat.Xlsx, layout ?? ReportLayout.Generic).Read().ToList());
    }

    [Theory]
    [InlineData("14", 46361.0)]                  // Excel's short date, built in
    [InlineData("yyyy-mm-dd", 46361.0)]          // a custom format
    [InlineData("dd/mm/yyyy;@", 46361.0)]        // as Excel writes a custom one
    [InlineData("yyyy-mm-dd hh:mm", 46361.75)]   // a booking stamped 18:00 is booked on its day
    public void A_date_cell_reads_as_the_day_excel_shows(string format, double serial)
    {
        var outcome = ReadOne(HandMadeWorkbook.Of(format, date1904: false, Header, Line(serial)));

        Assert.Null(outcome.Error);
        Assert.Equal(new DateOnly(2026, 12, 5), outcome.Item!.BookedOn);
    }

    [Fact]
    public void A_date_cell_reads_whatever_date_format_the_profile_gives_text()
    {
        var layout = ReportLayout.Generic with { DateFormat = "dd/MM/yyyy" };

        var outcome = ReadOne(HandMadeWorkbook.Of("yyyy-mm-dd", date1904: false, Header, Line(46361.0)), layout);

        Assert.Null(outcome.Error);
        Assert.Equal(new DateOnly(2026, 12, 5), outcome.Item!.BookedOn);
    }

    [Fact]
    public void A_workbook_counting_from_1904_reads_the_day_it_shows()
    {
        var outcome = ReadOne(HandMadeWorkbook.Of("14", date1904: true, Header, Line(44899.0)));

        Assert.Equal(new DateOnly(2026, 12, 5), outcome.Item!.BookedOn);
    }

    [Theory]
    [InlineData(1.0, "1900-01-01")]
    [InlineData(59.0, "1900-02-28")]
    [InlineData(61.0, "1900-03-01")]
    public void Early_1900_serials_read_as_excel_shows_them_though_it_counts_1900_as_a_leap_year(double serial, string shown)
    {
        Assert.Equal(DateOnly.Parse(shown, System.Globalization.CultureInfo.InvariantCulture),
            ReadOne(HandMadeWorkbook.Of("14", date1904: false, Header, Line(serial))).Item!.BookedOn);
    }

    [Fact]
    public void Excel_s_29_February_1900_a_day_that_never_was_is_the_row_s_error()
    {
        var outcome = ReadOne(HandMadeWorkbook.Of("14", date1904: false, Header, Line(60.0)));

        Assert.Null(outcome.Item);
        Assert.Equal("'date' must be a date written yyyy-MM-dd.", outcome.Error);
    }

    [Fact]
    public void A_plain_number_in_the_date_column_is_no_date()
    {
        var outcome = ReadOne(HandMadeWorkbook.Of("14", date1904: false, Header, Line(46361L)));

        Assert.Equal("'date' must be a date written yyyy-MM-dd.", outcome.Error);
    }
}
