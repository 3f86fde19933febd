using FleetOps.Core.Text;

namespace FleetOps.Core.Cases;

/// <summary>
/// The case's allowed moves, as pure functions from a case to the changed case plus the trail entry that records the
/// change, so the store only persists what these return and every change leaves a trace.
/// Steps go forward one at a time (checking comes before calling the bank); a resolved case can be reopened when the
/// money did not arrive after all.
/// </summary>
public static class CaseWorkflow
{
    public const int MaxNoteLength = 4000;
    public const int MaxBankReferenceLength = 128;

    public static (RecoveryCase Case, CaseEntry Entry) Open(long id, string terminalId, string transactionId, string storeCode,
        string actor, DateTimeOffset at) =>
        (new RecoveryCase(id, terminalId, transactionId, storeCode) { OpenedAt = at, OpenedBy = actor },
         new CaseEntry(at, actor, CaseEntryKind.Opened, "Case opened"));

    public static (RecoveryCase, CaseEntry) Advance(RecoveryCase c, string actor, DateTimeOffset at)
    {
        var next = c.Step switch
        {
            CaseStep.CheckRecord => CaseStep.ContactAcquirer,
            _ => throw new CaseRuleException(c.IsResolved ? "The case is resolved; reopen it first." : "Resolve the case with an outcome."),
        };
        return (c with { Step = next }, new CaseEntry(at, actor, CaseEntryKind.StepChanged,
            $"Record checked; next: {CaseWords.Words(next).ToLowerInvariant()}"));
    }

    public static (RecoveryCase, CaseEntry) AssignOwner(RecoveryCase c, string? owner, string actor, DateTimeOffset at)
    {
        owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim();
        if (owner is not null) Keepable("owner", owner);
        if (string.Equals(owner, c.Owner, StringComparison.OrdinalIgnoreCase)) throw new CaseRuleException("That is already the owner.");
        return (c with { Owner = owner }, new CaseEntry(at, actor, CaseEntryKind.OwnerChanged,
            owner is null ? $"Owner {c.Owner} removed" : c.Owner is null ? $"Owner set to {owner}" : $"Owner changed from {c.Owner} to {owner}"));
    }

    public static (RecoveryCase, CaseEntry) SetBankReference(RecoveryCase c, string? reference, string actor, DateTimeOffset at)
    {
        reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (reference is not null) Keepable("bank reference", reference);
        if (reference is { Length: > MaxBankReferenceLength }) throw new CaseRuleException($"The bank's reference is at most {MaxBankReferenceLength} characters.");
        if (reference == c.BankReference) throw new CaseRuleException("The bank's reference is unchanged.");
        return (c with { BankReference = reference }, new CaseEntry(at, actor, CaseEntryKind.BankReferenceChanged,
            reference is null ? "Bank reference removed" : $"Bank reference: {reference}"));
    }

    public static CaseEntry Note(string text, string actor, DateTimeOffset at) =>
        new(at, actor, CaseEntryKind.Note, NoteText(text));

    /// <summary>The note as it would be kept, or the rule it breaks: pages ask before opening a case for it.</summary>
    public static string NoteText(string? text)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0) throw new CaseRuleException("Write the note first.");
        Keepable("note", text, multiline: true);
        if (text.Length > MaxNoteLength) throw new CaseRuleException($"A note is at most {MaxNoteLength} characters.");
        return text;
    }

    /// <summary>
    /// Notes and references are read by people and copied to the acquirer: a card number must never be kept in them
    /// (the masked PAN is on the record already), nor control characters that PostgreSQL refuses.
    /// </summary>
    private static void Keepable(string field, string text, bool multiline = false)
    {
        if (TextRules.Problem(field, text, multiline) is { } problem) throw new CaseRuleException(problem);
    }

    public static (RecoveryCase, CaseEntry) Resolve(RecoveryCase c, CaseOutcome outcome, string actor, DateTimeOffset at, bool automatic = false,
        string? why = null)
    {
        if (c.IsResolved) throw new CaseRuleException("The case is already resolved.");
        var words = CaseWords.Words(outcome).ToLowerInvariant();
        var text = why is null ? $"Resolved: {words}" : $"Resolved: {words} — {why}";
        return (c with { Step = CaseStep.Resolved, Outcome = outcome, ResolvedAt = at, ResolvedBy = actor },
            new CaseEntry(at, actor, automatic ? CaseEntryKind.AutoResolved : CaseEntryKind.Resolved, text));
    }

    public static (RecoveryCase, CaseEntry) Reopen(RecoveryCase c, string actor, DateTimeOffset at)
    {
        if (!c.IsResolved) throw new CaseRuleException("The case is open.");
        return (c with { Step = CaseStep.ContactAcquirer, Outcome = null, ResolvedAt = null, ResolvedBy = null },
            new CaseEntry(at, actor, CaseEntryKind.Reopened, $"Reopened (was {CaseWords.Words(c.Outcome!.Value).ToLowerInvariant()})"));
    }
}
