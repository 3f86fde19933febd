namespace FleetOps.Core.Transactions;

/// <summary>
/// A transaction the book follows, with its store and the current verdict. <see cref="ReCredited"/> marks the change
/// that takes a <c>not_credited</c> sale off the worklist because a later report credited it, so its case closes as
/// "re-credited" rather than "settled late".
/// </summary>
public sealed record TrackedTransaction(TransactionRecord Record, string StoreCode, UnsettledVerdict Verdict)
{
    public bool ReCredited { get; init; }

    public string TerminalId => Record.TerminalId;
    public string TransactionId => Record.TransactionId;
}
