using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;

namespace FleetOps.Web.Api;

/// <summary>
/// A terminal's <c>software</c> object (docs/api.md §7): status, the model's target and, while behind it, since when.
/// <c>targetFirmwareVersion</c> and <c>unknownReason</c> (why the status is unknown) are FleetOps additions.
/// </summary>
public sealed record SoftwareDto(SoftwareStatus Status, string? TargetAppVersion, string? TargetFirmwareVersion, DateTimeOffset? OutdatedSince,
    string? UnknownReason)
{
    public static SoftwareDto From(TerminalSnapshot t, SoftwareTarget? target) => new(t.Assessment.Software, target?.AppVersion,
        target?.FirmwareVersion, SoftwareLag.BehindSince(t, target)?.ToUniversalTime(),
        t.Assessment.Software == SoftwareStatus.Unknown ? SoftwareComplianceRule.UnknownReason(t.AppVersion, t.FirmwareVersion, target) : null);
}
