namespace FleetOps.Core.Cases;

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
