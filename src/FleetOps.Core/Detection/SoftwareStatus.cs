using System.Text.Json.Serialization;

namespace FleetOps.Core.Detection;

public enum SoftwareStatus
{
    [JsonStringEnumMemberName("current")] Current,
    [JsonStringEnumMemberName("outdated")] Outdated,
    [JsonStringEnumMemberName("unsupported")] Unsupported,
    [JsonStringEnumMemberName("unknown")] Unknown,
}
