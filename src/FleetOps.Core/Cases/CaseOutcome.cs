using System.Text.Json.Serialization;

namespace FleetOps.Core.Cases;

/// <summary>How the money question ended.</summary>
public enum CaseOutcome
{
    [JsonStringEnumMemberName("settled_late")] SettledLate,
    [JsonStringEnumMemberName("re_credited")] ReCredited,
    [JsonStringEnumMemberName("reversed_refunded")] ReversedRefunded,
    [JsonStringEnumMemberName("written_off")] WrittenOff,
}
