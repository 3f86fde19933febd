using System.Text.Json.Serialization;

namespace FleetOps.Core.Fleet;

/// <summary>Why a terminal is on someone's list, most urgent first (the order is the ranking).</summary>
public enum AttentionReason
{
    /// <summary>Takes no payments now.</summary>
    [JsonStringEnumMemberName("offline")] Offline,

    /// <summary>Loses power on its own (supply, cable, battery): payments get cut mid-sale; a technician's job.</summary>
    [JsonStringEnumMemberName("unstable_power_device")] UnstablePowerDevice,

    /// <summary>Loses power with the whole store: an electrician's or a UPS's job, not a technician's.</summary>
    [JsonStringEnumMemberName("unstable_power_store")] UnstablePowerStore,

    /// <summary>Below the minimum version: must be updated before it fails certification or payments.</summary>
    [JsonStringEnumMemberName("unsupported_software")] UnsupportedSoftware,

    /// <summary>Behind the target version: update at the next visit.</summary>
    [JsonStringEnumMemberName("outdated_software")] OutdatedSoftware,
}
