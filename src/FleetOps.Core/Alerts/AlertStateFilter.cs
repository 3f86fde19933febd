using System.Text.Json.Serialization;

namespace FleetOps.Core.Alerts;

/// <summary>The alert list's <c>state</c> filter (docs/api.md §5): active (open or acknowledged, the default), one state, or all.</summary>
public enum AlertStateFilter
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("acknowledged")] Acknowledged,
    [JsonStringEnumMemberName("resolved")] Resolved,
    [JsonStringEnumMemberName("all")] All,
}
