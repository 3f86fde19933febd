namespace FleetOps.Core.Detection;

/// <summary>Target versions an administrator set for one terminal model.</summary>
public sealed record SoftwareTarget(string Model, string AppVersion, string FirmwareVersion, string? MinimumAppVersion);
