using System.Text.Json.Serialization;

namespace FleetOps.Core.Cases;

/// <summary>What one entry of a case's audit trail records.</summary>
public enum CaseEntryKind
{
    [JsonStringEnumMemberName("opened")] Opened,
    [JsonStringEnumMemberName("step_changed")] StepChanged,
    [JsonStringEnumMemberName("owner_changed")] OwnerChanged,
    [JsonStringEnumMemberName("bank_reference_changed")] BankReferenceChanged,
    [JsonStringEnumMemberName("note")] Note,
    [JsonStringEnumMemberName("resolved")] Resolved,
    [JsonStringEnumMemberName("auto_resolved")] AutoResolved,
    [JsonStringEnumMemberName("reopened")] Reopened,
}
