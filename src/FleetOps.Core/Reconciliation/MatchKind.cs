using System.Text.Json.Serialization;

namespace FleetOps.Core.Reconciliation;

/// <summary>What reconciliation made of one report line (issue 16: every outcome is visible).</summary>
public enum MatchKind
{
    /// <summary>The credit of exactly one settled sale, seen for the first time.</summary>
    [JsonStringEnumMemberName("credited")] Credited,

    /// <summary>A credit for a sale no terminal of the chain recorded.</summary>
    [JsonStringEnumMemberName("credited_without_sale")] CreditedWithoutSale,

    /// <summary>The sale is known (terminal and RRN) but the credited amount differs from what the terminal took.</summary>
    [JsonStringEnumMemberName("amount_mismatch")] AmountMismatch,

    /// <summary>A second credit for a sale already credited: the acquirer paid twice.</summary>
    [JsonStringEnumMemberName("duplicate_credit")] DuplicateCredit,

    /// <summary>A refund or chargeback, linked to its sale.</summary>
    [JsonStringEnumMemberName("debit")] Debit,

    /// <summary>A refund or chargeback for a sale no terminal recorded.</summary>
    [JsonStringEnumMemberName("debit_without_sale")] DebitWithoutSale,

    /// <summary>The same line already came in an earlier report (reports overlap): counted once, never credited twice.</summary>
    [JsonStringEnumMemberName("duplicate_row")] DuplicateRow,
}
