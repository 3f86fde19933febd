namespace FleetOps.Core.Reconciliation;

/// <summary>
/// One line of an acquirer's settlement report in the generic format (PROTOCOL §11), whatever layout it came in.
/// <paramref name="Row"/> is the line's number in its file (the header is row 1), for per-row errors and evidence.
/// Identifiers are the acquirer's own: its terminal id and the merchant id it gave the store.
/// </summary>
public sealed record SettlementItem(
    int Row,
    DateOnly BookedOn,
    string MerchantId,
    string AcquirerTerminalId,
    string Rrn,
    string? AuthCode,
    long AmountMinor,
    string Currency,
    string? MaskedPan,
    SettlementItemType Type,
    long FeeMinor);
