using System.Text.Json.Serialization;

namespace FleetOps.Core.Fleet;

public enum TerminalSort
{
    [JsonStringEnumMemberName("terminal_id")] TerminalId,
    [JsonStringEnumMemberName("store")] Store,
    [JsonStringEnumMemberName("model")] Model,
    [JsonStringEnumMemberName("connectivity")] Connectivity,
    [JsonStringEnumMemberName("last_seen")] LastSeen,
    [JsonStringEnumMemberName("app_version")] AppVersion,
    [JsonStringEnumMemberName("power")] Power,
    [JsonStringEnumMemberName("software")] Software,
}
