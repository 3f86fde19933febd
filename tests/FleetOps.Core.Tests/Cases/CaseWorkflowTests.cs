using FleetOps.Core.Cases;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;

namespace FleetOps.Core.Tests.Cases;

/// <summary>The case's moves: PRODUCT.md's three steps in order, each change leaving one trail entry.</summary>
public sealed class CaseWorkflowTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static RecoveryCase Opened() => CaseWorkflow.Open(7, "T-1", "000123-0001", "S-1", "ann@example.test", T).Case;

    [Fact]
    public void Opening_starts_at_checking_the_record_with_a_trail_entry()
    {
        var (c, entry) = CaseWorkflow.Open(7, "T-1", "000123-0001", "S-1", "ann@example.test", T);

        Assert.Equal((CaseStep.CheckRecord, "ann@example.test", T, (string?)null), (c.Step, c.OpenedBy, c.OpenedAt, c.Owner));
        Assert.Equal(new CaseEntry(T, "ann@example.test", CaseEntryKind.Opened, "Case opened"), entry);
    }

    [Fact]
    public void Steps_go_check_then_contact_then_resolved()
    {
        var (contacting, advanced) = CaseWorkflow.Advance(Opened(), "bob@example.test", T.AddMinutes(5));
        var (resolved, done) = CaseWorkflow.Resolve(contacting, CaseOutcome.ReCredited, "bob@example.test", T.AddDays(1));

        Assert.Equal(CaseStep.ContactAcquirer, contacting.Step);
        Assert.Equal(CaseEntryKind.StepChanged, advanced.Kind);
        Assert.Equal((CaseStep.Resolved, CaseOutcome.ReCredited, "bob@example.test", T.AddDays(1)),
            (resolved.Step, resolved.Outcome!.Value, resolved.ResolvedBy!, resolved.ResolvedAt!.Value));
        Assert.Equal((CaseEntryKind.Resolved, "Resolved: re-credited"), (done.Kind, done.Text));
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.Advance(contacting, "bob@example.test", T));
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.Resolve(resolved, CaseOutcome.WrittenOff, "bob@example.test", T));
    }

    [Fact]
    public void Automatic_resolution_is_marked_as_such_and_says_why()
    {
        var (c, entry) = CaseWorkflow.Resolve(Opened(), CaseOutcome.SettledLate, "FleetOps", T, automatic: true, why: "settled 2 days later");

        Assert.Equal(CaseOutcome.SettledLate, c.Outcome);
        Assert.Equal((CaseEntryKind.AutoResolved, "Resolved: settled late — settled 2 days later"), (entry.Kind, entry.Text));
    }

    [Fact]
    public void Reopening_a_resolved_case_returns_it_to_the_acquirer_step_and_forgets_the_outcome()
    {
        var (resolved, _) = CaseWorkflow.Resolve(Opened(), CaseOutcome.WrittenOff, "ann@example.test", T);

        var (reopened, entry) = CaseWorkflow.Reopen(resolved, "cy@example.test", T.AddDays(3));

        Assert.Equal((CaseStep.ContactAcquirer, (CaseOutcome?)null, (DateTimeOffset?)null), (reopened.Step, reopened.Outcome, reopened.ResolvedAt));
        Assert.Equal((CaseEntryKind.Reopened, "Reopened (was written off)"), (entry.Kind, entry.Text));
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.Reopen(Opened(), "cy@example.test", T));
    }

    [Fact]
    public void Owner_changes_are_described_and_an_unchanged_owner_is_refused()
    {
        var (owned, set) = CaseWorkflow.AssignOwner(Opened(), " ann@example.test ", "ann@example.test", T);
        var (handed, changed) = CaseWorkflow.AssignOwner(owned, "bob@example.test", "ann@example.test", T);
        var (nobody, removed) = CaseWorkflow.AssignOwner(handed, "", "bob@example.test", T);

        Assert.Equal(["Owner set to ann@example.test", "Owner changed from ann@example.test to bob@example.test", "Owner bob@example.test removed"],
            [set.Text, changed.Text, removed.Text]);
        Assert.Null(nobody.Owner);
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.AssignOwner(owned, "ANN@example.test", "x", T));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_note_is_refused(string text) =>
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.Note(text, "ann@example.test", T));

    [Fact]
    public void Notes_may_span_lines_but_no_text_kept_on_a_case_may_hold_a_card_number_or_control_characters()
    {
        Assert.Equal("Called the bank.\nThey will call back.", CaseWorkflow.Note("Called the bank.\nThey will call back.", "a", T).Text);
        var card = Assert.Throws<CaseRuleException>(() => CaseWorkflow.Note("PAN 4111 1111 1111 1111", "a", T));
        Assert.Contains("'note' holds a full card number", card.Message);
        Assert.DoesNotContain("4111", card.Message);
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.Note("NUL\u0000here", "a", T));
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.SetBankReference(Opened(), "4111111111111111", "a", T));
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.SetBankReference(Opened(), "ACQ\n1", "a", T));
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.AssignOwner(Opened(), "4111111111111111@example.test", "a", T));
    }

    [Fact]
    public void Note_and_bank_reference_have_limits()
    {
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.Note(new string('x', CaseWorkflow.MaxNoteLength + 1), "a", T));
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.SetBankReference(Opened(), new string('x', 129), "a", T));
        var (c, entry) = CaseWorkflow.SetBankReference(Opened(), " ACQ-2026-7781 ", "a", T);
        Assert.Equal(("ACQ-2026-7781", "Bank reference: ACQ-2026-7781"), (c.BankReference, entry.Text));
        Assert.Throws<CaseRuleException>(() => CaseWorkflow.SetBankReference(c, "ACQ-2026-7781", "a", T));
    }

    [Theory]
    [InlineData("settled", CaseOutcome.SettledLate)]
    [InlineData("reversed", CaseOutcome.ReversedRefunded)]
    [InlineData("voided", CaseOutcome.ReversedRefunded)]
    [InlineData("declined", CaseOutcome.ReversedRefunded)]
    [InlineData("completed", null)]
    public void Automatic_outcome_follows_the_closing_stage(string stage, CaseOutcome? expected)
    {
        var record = Record(("authorized", T), (stage, T.AddHours(30)));

        Assert.Equal(expected, CaseWords.AutomaticOutcome(record));
    }

    [Fact]
    public void Acquirer_facts_hold_what_the_bank_asks_for_in_utc_and_store_time_and_only_the_masked_card()
    {
        var record = Record(("authorized", T), ("completed", T.AddSeconds(40)));
        var store = new StoreInfo("S-1", "Harbour Road", "North", "Asia/Shanghai");

        var facts = AcquirerFacts.Format(record, store, "S-1", "ACQ-1");

        Assert.Equal(
            "Authorised at (UTC): 2026-11-25 09:30:00Z\n" +
            "Local time: 2026-11-25 17:30:00 +08:00 (Asia/Shanghai)\n" +
            "Amount: 128.00 CNY\n" +
            "Card: 622848******1234\n" +
            "Authorisation code: A1B2C3\n" +
            "RRN: 123456789012\n" +
            "Batch: 000123\n" +
            "Terminal: T-1\n" +
            "Store: S-1 Harbour Road\n" +
            "Transaction: 000123-0001\n" +
            "Last stage: completed\n" +
            "Bank reference: ACQ-1\n", facts);
    }

    [Fact]
    public void Missing_facts_show_as_a_dash_and_the_store_code_stands_in_for_an_unknown_store()
    {
        var record = TransactionRecord.From("T-1", new TransactionEvent("e-1", T, "000123-0002", TransactionStage.Authorized, 500, "JPY"));

        var facts = AcquirerFacts.Format(record, null, "S-9");

        Assert.Contains("Amount: 500 JPY\n", facts);
        Assert.Contains("Card: —\n", facts);
        Assert.Contains("Store: S-9\n", facts);
        Assert.DoesNotContain("Local time", facts);
    }

    private static TransactionRecord Record(params (string Stage, DateTimeOffset At)[] stages)
    {
        var events = stages.Select((s, i) => new TransactionEvent($"e-{i}", s.At, "000123-0001",
            Enum.Parse<TransactionStage>(s.Stage, ignoreCase: true), 12800, "CNY", "622848******1234", "A1B2C3", "123456789012", "000123")).ToList();
        return events.Skip(1).Aggregate(TransactionRecord.From("T-1", events[0]), (r, e) => r.With(e));
    }
}
