using FleetOps.Core.Reconciliation;

namespace FleetOps.Web.Reconciliation;

/// <summary>
/// One exception to follow up (issue 16 item 3): a sale not credited, or a report line that credited the wrong amount,
/// twice, or without a sale. The sale and store link the page to the case; the line's fields are what the acquirer's
/// support desk needs in the export. <see cref="Kind"/> is null for a sale not credited (it has no line; <see cref="Sale"/>
/// carries what the terminal recorded of it instead).
/// </summary>
public sealed record ReconciliationException(
    MatchKind? Kind,
    string Acquirer,
    DateOnly Day,
    string? StoreCode,
    string? TerminalId,
    string? TransactionId,
    SettlementItem? Line,
    UncreditedSale? Sale = null);
