using System.Text.Json.Serialization;

namespace FleetOps.Core.Detection;

public enum LikelyCause
{
    [JsonStringEnumMemberName("device")] Device,
    [JsonStringEnumMemberName("store")] Store,
}
