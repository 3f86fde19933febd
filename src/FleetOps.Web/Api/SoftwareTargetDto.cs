namespace FleetOps.Web.Api;

public sealed record SoftwareTargetDto(string Model, string AppVersion, string FirmwareVersion, string? MinimumAppVersion);
