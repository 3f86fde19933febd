using System.Text.Json.Serialization;

namespace FleetOps.Core.Detection;

public enum PowerStatus
{
    [JsonStringEnumMemberName("stable")] Stable,
    [JsonStringEnumMemberName("unstable")] Unstable,
}
