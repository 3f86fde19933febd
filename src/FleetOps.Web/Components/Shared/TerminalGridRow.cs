using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Components.Shared;

/// <summary>A grid row: a flat projection of a snapshot, so MudDataGrid's sort names map to <see cref="TerminalSort"/>.</summary>
public sealed record TerminalGridRow(
    string TerminalId, string StoreCode, string Model, Connectivity Connectivity, DateTimeOffset? LastSeenAt,
    string? AppVersion, string? FirmwareVersion, SoftwareStatus Software, PowerStatus Power, int? BatteryPercent,
    bool OnBattery, TerminalAssessment Assessment)
{
    public static TerminalGridRow From(TerminalSnapshot t) => new(t.TerminalId, t.StoreCode, t.Model, t.Assessment.Connectivity,
        t.LastContactAt, t.AppVersion, t.FirmwareVersion, t.Assessment.Software, t.Assessment.Power, t.BatteryPercent,
        t.PowerSource == PowerSource.Battery, t.Assessment);
}
