using System.Globalization;
using System.Text;
using FleetOps.Core.Fleet;
using FleetOps.Core.Wire;

namespace FleetOps.Web.Api;

/// <summary>Writes terminals as RFC 4180 CSV that opens cleanly in a spreadsheet (ISO timestamps, quoted text).</summary>
public static class TerminalCsv
{
    public static string Write(IEnumerable<TerminalSnapshot> terminals, StoreDirectory stores)
    {
        var sb = new StringBuilder();
        sb.Append("terminalId,storeCode,storeName,model,serialNumber,connectivity,lastSeenAt,appVersion,firmwareVersion,powerSource,batteryPercent,power,lossesInWindow,likelyCause,software\r\n");
        foreach (var t in terminals)
        {
            var a = t.Assessment;
            string?[] cells =
            [
                t.TerminalId, t.StoreCode, stores.Get(t.StoreCode)?.Name, t.Model, t.Registration.SerialNumber,
                a.Connectivity.ToWire(), t.LastContactAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                t.AppVersion, t.FirmwareVersion, t.PowerSource is { } source ? source.ToWire() : null,
                t.BatteryPercent?.ToString(CultureInfo.InvariantCulture), a.Power.ToWire(),
                a.LossesInWindow.ToString(CultureInfo.InvariantCulture), a.LikelyCause is { } cause ? cause.ToWire() : null, a.Software.ToWire(),
            ];
            sb.AppendJoin(',', cells.Select(Escape)).Append("\r\n");
        }
        return sb.ToString();
    }

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A leading = + - @ would be run as a formula by spreadsheets; prefix it so it stays text.
        if (value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
