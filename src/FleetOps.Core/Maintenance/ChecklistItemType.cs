using System.Text.Json.Serialization;

namespace FleetOps.Core.Maintenance;

/// <summary>What a checklist item asks for (docs/api.md §8): a pass/fail check, a reading, text, a photo or a signature.</summary>
public enum ChecklistItemType
{
    [JsonStringEnumMemberName("check")] Check,
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("text")] Text,
    [JsonStringEnumMemberName("photo")] Photo,
    [JsonStringEnumMemberName("signature")] Signature,
}
