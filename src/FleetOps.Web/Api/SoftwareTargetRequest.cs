namespace FleetOps.Web.Api;

public sealed record SoftwareTargetRequest(string? AppVersion, string? FirmwareVersion, string? MinimumAppVersion);
