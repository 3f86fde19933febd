using System.Text.Json.Serialization;

namespace FleetOps.Core.Telemetry;

/// <summary>Where a terminal is in installing a software version (docs/api.md §7).</summary>
public enum SoftwareState
{
    [JsonStringEnumMemberName("downloading")] Downloading,
    [JsonStringEnumMemberName("installing")] Installing,
    [JsonStringEnumMemberName("installed")] Installed,
    [JsonStringEnumMemberName("failed")] Failed,
}
