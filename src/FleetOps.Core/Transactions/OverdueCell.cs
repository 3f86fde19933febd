namespace FleetOps.Core.Transactions;

/// <summary>Unsettled batches of one terminal (not settled, or authorisation expiring), per currency.</summary>
public sealed record OverdueCell(string TerminalId, string StoreCode, string Currency, long AmountMinor, int Count);
