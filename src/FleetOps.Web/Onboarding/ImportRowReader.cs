using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace FleetOps.Web.Onboarding;

/// <summary>
/// The one reader both file types go through, each row handed on as its cells' text: XLSX by MiniExcel's streaming reader
/// (a sheet is read row by row, never loaded whole), CSV by CsvHelper's parser (RFC 4180 quoting; MiniExcel's CSV reader
/// took 2–10 s for 100,000 rows on the reference machine, most of the import's time). Numbers and dates a spreadsheet
/// made of a cell are turned back into invariant text, so "12345" typed into Excel reads as "12345", not "12345.0".
/// </summary>
public static class ImportRowReader
{
    /// <summary>Rows of the first sheet (the header included), in file order; an empty row yields no cells.</summary>
    public static IEnumerable<string?[]> Read(Stream content, ImportFormat format) =>
        format == ImportFormat.Xlsx ? ReadXlsx(content) : ReadCsv(content);

    /// <summary>
    /// What the readers throw for a damaged or mislabelled file (an XLSX that is no workbook, a CSV with broken quoting):
    /// the file is refused as unreadable, never answered with a 500. Their messages may quote cell text: log only the kind.
    /// </summary>
    public static bool IsUnreadable(Exception e) => e is InvalidDataException or System.Xml.XmlException or IOException
        or InvalidOperationException or FormatException or CsvHelper.CsvFormatException or IndexOutOfRangeException
        or NullReferenceException or KeyNotFoundException;

    private static IEnumerable<string?[]> ReadXlsx(Stream content)
    {
        foreach (IDictionary<string, object?> row in content.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            yield return row.Values.Select(Text).ToArray();
        }
    }

    private static IEnumerable<string?[]> ReadCsv(Stream content)
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
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.GetString(i);
            yield return row;
        }
    }

    private static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };
}
