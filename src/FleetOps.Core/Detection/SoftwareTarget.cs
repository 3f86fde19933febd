namespace FleetOps.Core.Detection;

/// <summary>Target versions an administrator set for one terminal model.</summary>
/// <param name="SetAt">When the target versions last changed (a minimum changed alone does not count): a terminal behind
/// them has been behind since then at the latest. Null for a target not yet saved.</param>
public sealed record SoftwareTarget(string Model, string AppVersion, string FirmwareVersion, string? MinimumAppVersion, DateTimeOffset? SetAt = null);
