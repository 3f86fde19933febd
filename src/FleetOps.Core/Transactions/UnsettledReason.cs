using System.Text.Json.Serialization;

namespace FleetOps.Core.Transactions;

/// <summary>Why a card payment may never reach the merchant (docs/api.md §2 and §3).</summary>
public enum UnsettledReason
{
    [JsonStringEnumMemberName("incomplete")] Incomplete,
    [JsonStringEnumMemberName("interrupted_by_power_loss")] InterruptedByPowerLoss,
    [JsonStringEnumMemberName("not_settled")] NotSettled,
    [JsonStringEnumMemberName("authorization_expiring")] AuthorizationExpiring,

    /// <summary>Settled, but the acquirer's imported reports reach past its credit days without a credit for it (PROTOCOL §11).</summary>
    [JsonStringEnumMemberName("not_credited")] NotCredited,
}
