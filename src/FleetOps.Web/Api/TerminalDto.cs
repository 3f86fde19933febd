using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;

namespace FleetOps.Web.Api;

/// <summary>A terminal as the management API and the SignalR hub show it (docs/api.md §2, plus a few extra fields).</summary>
public sealed record TerminalDto(
    string TerminalId,
    string StoreCode,
    string Model,
    string? SerialNumber,
    bool Decommissioned,
    string? AcquirerTerminalId,
    Connectivity Connectivity,
    DateTimeOffset? LastSeenAt,
    string? AppVersion,
    string? FirmwareVersion,
    PowerSource? PowerSource,
    int? BatteryPercent,
    PowerDto Power,
    SoftwareDto Software)
{
    public static TerminalDto From(TerminalSnapshot t, SoftwareTarget? target) => new(
        t.TerminalId, t.StoreCode, t.Model, t.Registration.SerialNumber, t.Registration.Decommissioned, t.Registration.AcquirerTerminalId,
        t.Assessment.Connectivity, t.LastContactAt, t.AppVersion, t.FirmwareVersion, t.PowerSource, t.BatteryPercent,
        new PowerDto(t.Assessment.Power, t.Assessment.LossesInWindow, t.Assessment.LikelyCause, t.Assessment.LastLossAt,
            BatteryDto.From(t.Assessment.Battery)),
        SoftwareDto.From(t, target));
}
