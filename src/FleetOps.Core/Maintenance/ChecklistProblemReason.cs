using System.Text.Json.Serialization;

namespace FleetOps.Core.Maintenance;

/// <summary>Why a completion is refused for one item (the 422 of docs/api.md §8 lists them).</summary>
public enum ChecklistProblemReason
{
    [JsonStringEnumMemberName("missing")] Missing,
    [JsonStringEnumMemberName("out_of_limits")] OutOfLimits,
    [JsonStringEnumMemberName("not_a_number")] NotANumber,
    [JsonStringEnumMemberName("not_a_check")] NotACheck,

    /// <summary>A photo item's value names no photo uploaded for that item of this work order.</summary>
    [JsonStringEnumMemberName("not_a_photo")] NotAPhoto,
    [JsonStringEnumMemberName("unknown_item")] UnknownItem,
}
