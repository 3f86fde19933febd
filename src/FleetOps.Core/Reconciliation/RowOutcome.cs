namespace FleetOps.Core.Reconciliation;

/// <summary>
/// One report row read: the item, or why not. <see cref="HoldsCardNumber"/> marks the one error that refuses the whole
/// file (issue 16: a report with a full card number is not imported at all, and the row is named).
/// </summary>
public sealed record RowOutcome(int Row, SettlementItem? Item, string? Error, bool HoldsCardNumber = false);
