using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace FleetOps.Web.Onboarding;

/// <summary>
/// The one reader both file types go through: MiniExcel's streaming readers (an XLSX sheet is read row by row, never
/// loaded whole), each row handed on as its cells' text. Numbers and dates a spreadsheet made of a cell are turned back
/// into invariant text, so "12345" typed into Excel reads as "12345", not "12345.0".
/// </summary>
public static class ImportRowReader
{
    /// <summary>Rows of the first sheet (the header included), in file order; an empty row yields no cells.</summary>
    public static IEnumerable<string?[]> Read(Stream content, ImportFormat format)
    {
        var rows = format == ImportFormat.Xlsx
            ? content.Query(useHeaderRow: false, excelType: ExcelType.XLSX)
            : content.Query(useHeaderRow: false, excelType: ExcelType.CSV, configuration: new CsvConfiguration
            {
                // Bytes were checked to be UTF-8 before; a BOM is skipped by the reader.
                StreamReaderFunc = stream => new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true),
            });
        foreach (IDictionary<string, object?> row in rows)
        {
            yield return row.Values.Select(Text).ToArray();
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
