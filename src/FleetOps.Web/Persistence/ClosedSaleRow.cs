using FleetOps.Core.Transactions;

namespace FleetOps.Web.Persistence;

/// <summary>One closed sale as <see cref="ClosedSales"/> reads it: its record only when it did not end settled.</summary>
public readonly record struct ClosedSaleRow(string TerminalId, string TransactionId, string StoreCode, long AuthorizedAtMs,
    long UpdatedAtMs, TransactionRecord? Record);
