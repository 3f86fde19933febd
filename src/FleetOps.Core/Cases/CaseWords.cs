using FleetOps.Core.Transactions;

namespace FleetOps.Core.Cases;

/// <summary>The wire and display names of case states and outcomes, in one place.</summary>
public static class CaseWords
{
    /// <summary>The API's <c>caseStatus</c> for a transaction nobody opened a case for.</summary>
    public const string NoCase = "none";

    public static string Words(CaseStep step) => step switch
    {
        CaseStep.CheckRecord => "Check the record",
        CaseStep.ContactAcquirer => "Contact the acquirer",
        _ => "Resolved",
    };

    public static string Words(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.SettledLate => "Settled late",
        CaseOutcome.ReCredited => "Re-credited",
        CaseOutcome.ReversedRefunded => "Reversed / refunded",
        _ => "Written off",
    };

    /// <summary>
    /// The outcome a transaction's own later events decide: the batch settled after all, or the terminal reversed or
    /// voided it (the customer got the money back); null while it is still open.
    /// </summary>
    public static CaseOutcome? AutomaticOutcome(TransactionRecord record) =>
        record.Has(Telemetry.TransactionStage.Settled) ? CaseOutcome.SettledLate
        : record.IsClosed ? CaseOutcome.ReversedRefunded
        : null;
}
