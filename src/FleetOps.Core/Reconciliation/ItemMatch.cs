namespace FleetOps.Core.Reconciliation;

/// <summary>
/// The outcome for one report line, with the sale it concerns when there is one, and the line's
/// <see cref="CreditLedger.Fingerprint"/> (computed once for matching, stored with the line).
/// </summary>
public sealed record ItemMatch(SettlementItem Item, MatchKind Kind, CreditCandidate? Sale, long Fingerprint)
{
    /// <summary>Money the line moves for the merchant, fee deducted: credits add, refunds and chargebacks take away.</summary>
    public long NetMinor => Kind == MatchKind.DuplicateRow ? 0
        : (Item.Type == SettlementItemType.Sale ? Item.AmountMinor : -Item.AmountMinor) - Item.FeeMinor;
}
