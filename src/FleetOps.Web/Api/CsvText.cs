using System.Text;

namespace FleetOps.Web.Api;

/// <summary>
/// What both CSV exports share: RFC 4180 quoting with the spreadsheet formula guard, a header row of readable words in
/// the reader's language (the columns themselves stay the same in every language, so a machine may read by position),
/// and the file as UTF-8 with a BOM (spreadsheets then read Chinese correctly).
/// </summary>
public static class CsvText
{
    public static StringBuilder Start(IReaderLanguage language, IEnumerable<string> headerKeys) =>
        Row(new StringBuilder(), headerKeys.Select(language.Text));

    public static StringBuilder Row(StringBuilder sb, IEnumerable<string?> cells) => sb.AppendJoin(',', cells.Select(Escape)).Append("\r\n");

    public static byte[] Bytes(StringBuilder csv) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A leading = + - @ would be run as a formula by spreadsheets; prefix it so it stays text.
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
