using System.Text.Json.Serialization;

namespace FleetOps.Core.Telemetry;

/// <summary>The stages a card transaction reports (docs/api.md §1).</summary>
public enum TransactionStage
{
    [JsonStringEnumMemberName("authorized")] Authorized,
    [JsonStringEnumMemberName("signed")] Signed,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("voided")] Voided,
    [JsonStringEnumMemberName("reversed")] Reversed,
    [JsonStringEnumMemberName("declined")] Declined,
    [JsonStringEnumMemberName("settled")] Settled,
}
