using System.Text.Json.Serialization;

namespace FleetOps.Core.Alerts;

/// <summary>Where an alert is in its life: open, acknowledged by someone (still active), or resolved by itself.</summary>
public enum AlertState
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("acknowledged")] Acknowledged,
    [JsonStringEnumMemberName("resolved")] Resolved,
}
