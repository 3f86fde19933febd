using System.Text.Json.Serialization;

namespace FleetOps.Core.Reconciliation;

/// <summary>What one line of an acquirer's settlement report books (PROTOCOL §11, column <c>type</c>).</summary>
public enum SettlementItemType
{
    /// <summary>The merchant is credited for a sale.</summary>
    [JsonStringEnumMemberName("sale")] Sale,

    /// <summary>A refund the merchant gave: debited.</summary>
    [JsonStringEnumMemberName("refund")] Refund,

    /// <summary>The cardholder's bank took the money back: debited.</summary>
    [JsonStringEnumMemberName("chargeback")] Chargeback,
}
