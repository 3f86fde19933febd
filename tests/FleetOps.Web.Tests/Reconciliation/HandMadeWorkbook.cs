using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace FleetOps.Web.Tests.Reconciliation;

/// <summary>
/// An XLSX workbook written part by part, for what MiniExcel's writer never makes (it writes every date as format 14 in
/// the 1900 system): a custom date format, the 1904 date system of old Mac workbooks. One sheet; a <see cref="double"/>
/// cell is a date serial in the date style, a <see cref="long"/> a plain number, anything else an inline string.
/// </summary>
public static class HandMadeWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <param name="dateFormat">A built-in number format's id ("14") or a custom format code ("yyyy-mm-dd").</param>
    public static byte[] Of(string dateFormat, bool date1904, params object[][] rows)
    {
        var builtIn = int.TryParse(dateFormat, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
        var numFmts = builtIn ? "" : $"<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"{SecurityElement.Escape(dateFormat)}\"/></numFmts>";
        var sheet = new StringBuilder();
        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var at = $"{(char)('A' + c)}{r + 1}";
                sheet.Append(rows[r][c] switch
                {
                    double serial => $"<c r=\"{at}\" s=\"1\"><v>{serial.ToString("R", CultureInfo.InvariantCulture)}</v></c>",
                    long number => $"<c r=\"{at}\"><v>{number.ToString(CultureInfo.InvariantCulture)}</v></c>",
                    var text => $"<c r=\"{at}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(text.ToString())}</t></is></c>",
                });
            }
            sheet.Append("</row>");
        }
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>");
            Add(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Relations}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Relations}\">" + (date1904 ? "<workbookPr date1904=\"1\"/>" : "")
                + "<sheets><sheet name=\"Report\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Relations}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + $"<Relationship Id=\"rId2\" Type=\"{Relations}/styles\" Target=\"styles.xml\"/></Relationships>");
            Add(zip, "xl/styles.xml", $"<styleSheet xmlns=\"{Main}\">{numFmts}<fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills>"
                + "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
                + $"<cellXfs count=\"2\"><xf/><xf numFmtId=\"{(builtIn ? id : 164)}\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
            Add(zip, "xl/worksheets/sheet1.xml", $"<worksheet xmlns=\"{Main}\"><sheetData>{sheet}</sheetData></worksheet>");
        }
        return bytes.ToArray();
    }

    private static void Add(ZipArchive zip, string path, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml);
    }
}
