using System.Text.Json.Serialization;

namespace FleetOps.Core.Detection;

/// <summary>How the settings page groups the thresholds an administrator may change.</summary>
public enum ThresholdGroup
{
    [JsonStringEnumMemberName("offline")] Offline,
    [JsonStringEnumMemberName("power")] Power,
    [JsonStringEnumMemberName("store_wide")] StoreWide,
    [JsonStringEnumMemberName("battery")] Battery,
}
