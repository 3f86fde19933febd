using System.Text.Json.Serialization;

namespace FleetOps.Core.Detection;

public enum BatteryStatus
{
    [JsonStringEnumMemberName("ok")] Ok,
    [JsonStringEnumMemberName("weak")] Weak,
    [JsonStringEnumMemberName("unknown")] Unknown,
}
