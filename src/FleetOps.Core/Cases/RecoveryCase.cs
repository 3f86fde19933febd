using System.Text.Json;
using FleetOps.Core.Transactions;

namespace FleetOps.Core.Cases;

/// <summary>The three steps of PRODUCT.md's recommended response, as the case's state.</summary>
public enum CaseStep { CheckRecord, ContactAcquirer, Resolved }

/// <summary>How the money question ended.</summary>
public enum CaseOutcome { SettledLate, ReCredited, ReversedRefunded, WrittenOff }

/// <summary>What one entry of a case's audit trail records.</summary>
public enum CaseEntryKind { Opened, StepChanged, OwnerChanged, BankReferenceChanged, Note, Resolved, AutoResolved, Reopened }

/// <summary>One line of a case's append-only trail: who changed what, when.</summary>
public sealed record CaseEntry(DateTimeOffset At, string Actor, CaseEntryKind Kind, string Text);

/// <summary>
/// The recovery case of one unsettled card transaction: someone checks the record, contacts the acquirer with the
/// facts, and records how it ended. At most one case per transaction.
/// </summary>
public sealed record RecoveryCase(long Id, string TerminalId, string TransactionId, string StoreCode)
{
    public CaseStep Step { get; init; } = CaseStep.CheckRecord;
    public string? Owner { get; init; }
    public string? BankReference { get; init; }
    public CaseOutcome? Outcome { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public string OpenedBy { get; init; } = "";
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolvedBy { get; init; }

    public bool IsResolved => Step == CaseStep.Resolved;
}

/// <summary>The wire and display names of case states and outcomes, in one place.</summary>
public static class CaseWords
{
    /// <summary>The API's <c>caseStatus</c> for a transaction nobody opened a case for.</summary>
    public const string NoCase = "none";

    /// <summary>The protocol's snake_case spelling (check_record, contact_acquirer, resolved), as every enum on the wire.</summary>
    public static string Wire(CaseStep step) => JsonNamingPolicy.SnakeCaseLower.ConvertName(step.ToString());

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
