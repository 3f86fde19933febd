using System.Text.Json.Serialization;

namespace FleetOps.Core.Maintenance;

public enum RecurrenceUnit
{
    [JsonStringEnumMemberName("day")] Day,
    [JsonStringEnumMemberName("week")] Week,
    [JsonStringEnumMemberName("month")] Month,
}
