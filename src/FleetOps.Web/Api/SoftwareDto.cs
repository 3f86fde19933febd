using FleetOps.Core.Detection;

namespace FleetOps.Web.Api;

public sealed record SoftwareDto(SoftwareStatus Status, string? TargetAppVersion, string? TargetFirmwareVersion);
