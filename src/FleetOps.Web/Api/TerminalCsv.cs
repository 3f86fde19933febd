using System.Globalization;
using System.Text;
using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;

namespace FleetOps.Web.Api;

/// <summary>
/// Writes terminals as RFC 4180 CSV that opens cleanly in a spreadsheet: headers and states in the reader's language
/// (the names the pages show), timestamps ISO 8601 UTC, numbers invariant. The last column repeats "last seen" in the
/// store's own time (<see cref="ExportTime"/>), then since when the terminal is behind its software target (UTC) and that
/// target; new columns come last so that programs reading by position keep theirs.
/// </summary>
public static class TerminalCsv
{
    private static readonly string[] Header =
    [
        "Csv.TerminalId", "Csv.StoreCode", "Csv.StoreName", "Csv.Model", "Csv.SerialNumber", "Csv.Connectivity", "Csv.LastSeenAt",
        "Csv.AppVersion", "Csv.FirmwareVersion", "Csv.PowerSource", "Csv.BatteryPercent", "Csv.Power", "Csv.LossesInWindow",
        "Csv.LikelyCause", "Csv.Software", "Csv.LastSeenAtStoreTime", "Csv.OutdatedSince", "Csv.TargetAppVersion",
    ];

    public static StringBuilder Write(IEnumerable<TerminalSnapshot> terminals, StoreDirectory stores, IReaderLanguage language, ExportTime time,
        Func<string, SoftwareTarget?> targetFor)
    {
        var sb = CsvText.Start(language, Header);
        foreach (var t in terminals)
        {
            var a = t.Assessment;
            CsvText.Row(sb,
            [
                t.TerminalId, t.StoreCode, stores.Get(t.StoreCode)?.Name, t.Model, t.Registration.SerialNumber,
                language.Name(a.Connectivity), t.LastContactAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                t.AppVersion, t.FirmwareVersion, t.PowerSource is { } source ? language.Name(source) : null,
                t.BatteryPercent?.ToString(CultureInfo.InvariantCulture), language.Name(a.Power),
                a.LossesInWindow.ToString(CultureInfo.InvariantCulture), a.LikelyCause is { } cause ? language.Name(cause) : null, language.Name(a.Software),
                time.InStore(t.LastContactAt, t.StoreCode),
                SoftwareLag.BehindSince(t, targetFor(t.Model))?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                targetFor(t.Model)?.AppVersion,
            ]);
        }
        return sb;
    }
}
