using System.Text.Json.Serialization;

namespace FleetOps.Web.Components.Maintenance;

/// <summary>How much of the calendar shows at once; the wire name is the address's <c>view=</c>.</summary>
public enum CalendarView
{
    [JsonStringEnumMemberName("day")] Day,
    [JsonStringEnumMemberName("week")] Week,
    [JsonStringEnumMemberName("month")] Month,
}
