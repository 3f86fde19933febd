namespace FleetOps.Core.Transactions;

/// <summary>A transaction the book follows, with its store and the current verdict.</summary>
public sealed record TrackedTransaction(TransactionRecord Record, string StoreCode, UnsettledVerdict Verdict)
{
    public string TerminalId => Record.TerminalId;
    public string TransactionId => Record.TransactionId;
}
