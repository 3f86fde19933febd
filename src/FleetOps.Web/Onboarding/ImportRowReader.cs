using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using MiniExcelLibs;

namespace FleetOps.Web.Onboarding;

/// <summary>
/// The one reader both file types go through, each row handed on as its cells' text: XLSX by MiniExcel's streaming reader
/// (a sheet is read row by row, never loaded whole), CSV by CsvHelper's parser (RFC 4180 quoting; MiniExcel's CSV reader
/// took 2–10 s for 100,000 rows on the reference machine, most of the import's time). Numbers and dates a spreadsheet
/// made of a cell are turned back into invariant text, so "12345" typed into Excel reads as "12345", not "12345.0".
/// A number in a date-formatted cell is the day Excel shows for it (<see cref="ReadCells"/>), whichever date system the
/// workbook counts in.
/// </summary>
public static class ImportRowReader
{
    /// <summary>Rows of the first sheet (the header included), in file order; an empty row yields no cells.</summary>
    public static IEnumerable<string?[]> Read(Stream content, ImportFormat format) =>
        ReadCells(content, format).Select(row => row.Select(Text).ToArray());

    /// <summary>
    /// Rows as the file holds them, for a reader that must tell a date cell from text (a settlement report's booking
    /// date is written in its profile's format, whatever format the workbook shows a date cell in): CSV cells are text;
    /// XLSX cells are MiniExcel's values — text, numbers, and a <see cref="DateTime"/> for a number in a date-formatted
    /// cell (built-in formats such as 14, or custom ones such as yyyy-mm-dd), the date and time Excel shows for it.
    /// </summary>
    public static IEnumerable<object?[]> ReadCells(Stream content, ImportFormat format) =>
        format == ImportFormat.Xlsx ? ReadXlsx(content) : ReadCsv(content);

    /// <summary>A cell as invariant text: "12345", not "12345.0"; a date cell as yyyy-MM-ddTHH:mm:ss.</summary>
    public static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    /// <summary>
    /// What the readers throw for a damaged or mislabelled file (an XLSX that is no workbook, a CSV with broken quoting):
    /// the file is refused as unreadable, never answered with a 500. Their messages may quote cell text: log only the kind.
    /// </summary>
    public static bool IsUnreadable(Exception e) => e is InvalidDataException or System.Xml.XmlException or IOException
        or InvalidOperationException or FormatException or CsvHelper.CsvFormatException or IndexOutOfRangeException
        or NullReferenceException or KeyNotFoundException;

    private static IEnumerable<object?[]> ReadXlsx(Stream content)
    {
        var date1904 = CountsFrom1904(content);
        foreach (IDictionary<string, object?> row in content.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            yield return row.Values.Select(v => v is DateTime t ? ShownDate(t, date1904) : v).ToArray();
        }
    }

    /// <summary>
    /// The date Excel shows for a date cell MiniExcel read. MiniExcel counts every serial as an OLE date (day 0 is
    /// 1899-12-30) and ignores the workbook's date system. A workbook saved with <c>date1904</c> (old Mac Excel) counts
    /// from 1904-01-01, 1,462 days later. The 1900 system agrees with OLE dates from serial 61 (1900-03-01) on, but Excel
    /// counts 1900 as a leap year (Lotus 1-2-3's bug): serials 1–59 are a day later than OLE dates, and serial 60 is
    /// 29 February 1900, a day that never was — left as its number, which no date format reads, as is a serial below 1
    /// (a time of day without a date).
    /// </summary>
    private static object ShownDate(DateTime read, bool date1904)
    {
        if (date1904) return read.AddDays(1462);
        if (read >= new DateTime(1900, 3, 1)) return read;
        var serial = read.ToOADate();
        return serial is >= 1 and < 60 ? read.AddDays(1) : serial;
    }

    /// <summary>
    /// Whether the workbook counts its dates from 1904 (<c>&lt;workbookPr date1904="1"/&gt;</c> in xl/workbook.xml, which
    /// MiniExcel does not read). The stream is put back where it was; one that cannot seek is taken for the 1900 system,
    /// Excel's default. A damaged archive throws what MiniExcel would (<see cref="IsUnreadable"/>).
    /// </summary>
    private static bool CountsFrom1904(Stream content)
    {
        if (!content.CanSeek) return false;
        var start = content.Position;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("xl/workbook.xml") is not { } entry) return false;
            using var xml = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.LocalName == "workbookPr") return xml.GetAttribute("date1904") is "1" or "true";
                if (xml.LocalName == "sheets") return false; // workbookPr comes before the sheets when there is one
            }
            return false;
        }
        finally
        {
            content.Position = start;
        }
    }

    private static IEnumerable<object?[]> ReadCsv(Stream content)
    {
        // Bytes were checked to be UTF-8 before; a BOM is skipped. The header is read as a row like the others, so both
        // formats reach the planner alike; values stay out of the reader's exception messages (they may be card data).
        using var reader = CsvReader.Create(content, new CsvReaderOptions
        {
            Separator = ',', HasHeader = false, IncludeValuesInExceptions = false,
            SkipEmptyLines = false, // rows keep the numbers a spreadsheet shows; the planner passes over empty ones
        }, leaveOpen: true);
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.GetString(i);
            yield return row;
        }
    }
}
