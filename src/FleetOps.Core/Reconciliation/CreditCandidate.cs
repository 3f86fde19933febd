namespace FleetOps.Core.Reconciliation;

/// <summary>
/// A settled sale as reconciliation sees it: FleetOps' own ids (to link back to the sale and its case), the acquirer's
/// identifiers of its terminal and store (PROTOCOL §11), the card facts the report repeats, and the store-local day its
/// batch was settled (credits are booked a day or two after that).
/// </summary>
public sealed record CreditCandidate(
    string TerminalId,
    string TransactionId,
    string? AcquirerTerminalId,
    string? MerchantId,
    string Rrn,
    string? AuthCode,
    long AmountMinor,
    string Currency,
    DateOnly SettledOn);
