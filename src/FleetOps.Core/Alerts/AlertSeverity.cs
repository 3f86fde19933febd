using System.Text.Json.Serialization;

namespace FleetOps.Core.Alerts;

/// <summary>How urgent an alert is, most urgent first (the order sorts lists and compares with a webhook's minimum).</summary>
public enum AlertSeverity
{
    [JsonStringEnumMemberName("critical")] Critical,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("info")] Info,
}
