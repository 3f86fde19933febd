using System.Text.Json.Serialization;

namespace FleetOps.Core.Alerts;

/// <summary>What happened to an alert in one step of its life (what a notification says).</summary>
public enum AlertTransition
{
    [JsonStringEnumMemberName("opened")] Opened,
    [JsonStringEnumMemberName("reopened")] Reopened,
    [JsonStringEnumMemberName("severity_changed")] SeverityChanged,
    [JsonStringEnumMemberName("seen")] Seen,
    [JsonStringEnumMemberName("acknowledged")] Acknowledged,
    [JsonStringEnumMemberName("resolved")] Resolved,
}
