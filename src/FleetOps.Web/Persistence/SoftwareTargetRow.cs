namespace FleetOps.Web.Persistence;

public sealed class SoftwareTargetRow
{
    public required string Model { get; set; }
    public required string AppVersion { get; set; }
    public required string FirmwareVersion { get; set; }
    public string? MinimumAppVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
