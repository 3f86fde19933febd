using System.Text.Json.Serialization;

namespace FleetOps.Core.Fleet;

public enum Connectivity
{
    [JsonStringEnumMemberName("online")] Online,
    [JsonStringEnumMemberName("offline")] Offline,
    [JsonStringEnumMemberName("unknown")] Unknown,
}
