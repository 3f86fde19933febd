using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Core.Tests.Transactions;

/// <summary>The unsettled-transaction rules of docs/api.md §3, driven by a fake clock.</summary>
public sealed class UnsettledRuleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.FromHours(8));
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly DetectionOptions _options = new();
    private int _ids;

    private TransactionEvent Stage(TransactionStage stage, DateTimeOffset at, string tx = "000123-0042") =>
        new($"e-{++_ids}", at, tx, stage, 12800, "CNY", "622848******1234", "A1B2C3", "123456789012", "000123");

    private static TransactionRecord Record(params TransactionEvent[] events) =>
        events.Skip(1).Aggregate(TransactionRecord.From("T-1", events[0]), (r, e) => r.With(e));

    private UnsettledVerdict Verdict(TransactionRecord record, params DateTimeOffset[] losses) =>
        UnsettledRule.Evaluate(record, losses.Select(l => (PowerLoss)l).ToList(), _clock.GetUtcNow(), _options);

    [Fact]
    public void Authorized_then_power_lost_then_reboot_without_completion_is_interrupted_by_power_loss_at_the_deadline()
    {
        var record = Record(Stage(TransactionStage.Authorized, Start));
        // The loss as the fleet recognises it: an unexpected reboot (new boot id, no shutdown) seen 40 s later.
        var history = PowerHistory.Empty
            .With(new HeartbeatEvent("h-1", Start.AddSeconds(-30), "boot-1", 100, "3.3.0", "1.9.0", PowerSource.Mains))
            .With(new HeartbeatEvent("h-2", Start.AddSeconds(40), "boot-2", 5, "3.3.0", "1.9.0", PowerSource.Mains));
        var losses = history.LossSpans();

        _clock.Advance(TimeSpan.FromSeconds(299));
        var early = UnsettledRule.Evaluate(record, losses, _clock.GetUtcNow(), _options);
        Assert.False(early.IsUnsettled);
        Assert.Equal(Start.AddSeconds(300), early.NextDeadline);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var due = UnsettledRule.Evaluate(record, losses, _clock.GetUtcNow(), _options);
        Assert.Equal(UnsettledReason.InterruptedByPowerLoss, due.Reason);
        Assert.False(due.OperatorCaused);
    }

    [Fact]
    public void Reboot_first_seen_long_after_the_deadline_still_interrupts_a_sale_when_the_terminal_died_before_it()
    {
        var record = Record(Stage(TransactionStage.Authorized, Start));
        // Alive at 07:59:30, authorised at 08:00, dead soon after; power back and the first heartbeat at 09:00.
        var history = PowerHistory.Empty
            .With(new HeartbeatEvent("h-1", Start.AddSeconds(-30), "boot-1", 100, "3.3.0", "1.9.0", PowerSource.Mains))
            .With(new HeartbeatEvent("h-2", Start.AddHours(1), "boot-2", 30, "3.3.0", "1.9.0", PowerSource.Mains));
        _clock.Advance(TimeSpan.FromHours(2));

        var verdict = UnsettledRule.Evaluate(record, history.LossSpans(), _clock.GetUtcNow(), _options);

        Assert.Equal(UnsettledReason.InterruptedByPowerLoss, verdict.Reason);
    }

    [Fact]
    public void Power_lost_hours_after_the_completion_deadline_leaves_the_sale_incomplete()
    {
        var record = Record(Stage(TransactionStage.Authorized, Start));
        _clock.Advance(TimeSpan.FromHours(4));

        var verdict = Verdict(record, Start.AddHours(3));

        Assert.Equal(UnsettledReason.Incomplete, verdict.Reason);
        Assert.True(verdict.OperatorCaused);
    }

    [Fact]
    public void Reboot_after_hours_of_heartbeats_does_not_explain_an_old_sale()
    {
        var record = Record(Stage(TransactionStage.Authorized, Start));
        // The terminal kept beating on boot-1 for two hours after the sale, then rebooted unexpectedly.
        var history = PowerHistory.Empty
            .With(new HeartbeatEvent("h-1", Start.AddSeconds(-30), "boot-1", 100, "3.3.0", "1.9.0", PowerSource.Mains))
            .With(new HeartbeatEvent("h-2", Start.AddHours(2), "boot-1", 7300, "3.3.0", "1.9.0", PowerSource.Mains))
            .With(new HeartbeatEvent("h-3", Start.AddHours(2).AddMinutes(3), "boot-2", 40, "3.3.0", "1.9.0", PowerSource.Mains));
        _clock.Advance(TimeSpan.FromHours(3));

        var verdict = UnsettledRule.Evaluate(record, history.LossSpans(), _clock.GetUtcNow(), _options);

        Assert.Equal(UnsettledReason.Incomplete, verdict.Reason);
    }

    [Fact]
    public void Interrupted_sale_reversed_later_leaves_the_list_and_is_a_lost_sale()
    {
        var lossAt = Start.AddSeconds(20);
        var record = Record(Stage(TransactionStage.Authorized, Start), Stage(TransactionStage.Reversed, Start.AddMinutes(3)));
        _clock.Advance(TimeSpan.FromMinutes(10));

        var verdict = Verdict(record, lossAt);

        Assert.False(verdict.IsUnsettled);
        Assert.True(verdict.SaleLost);
    }

    [Fact]
    public void Reversal_sent_while_booting_before_the_reboot_is_recognised_is_still_a_lost_sale()
    {
        var record = Record(Stage(TransactionStage.Authorized, Start), Stage(TransactionStage.Reversed, Start.AddSeconds(50)));
        Assert.True(UnsettledRule.SaleLost(record, [Start.AddSeconds(55)]));
        Assert.False(UnsettledRule.SaleLost(record, [Start.AddHours(1)]));
    }

    [Fact]
    public void Reversal_without_a_power_loss_is_not_a_lost_sale()
    {
        var record = Record(Stage(TransactionStage.Authorized, Start), Stage(TransactionStage.Reversed, Start.AddMinutes(1)));
        Assert.False(UnsettledRule.SaleLost(record, []));
    }

    [Fact]
    public void Completion_arriving_before_the_authorization_in_a_backlog_is_not_flagged()
    {
        var completed = Stage(TransactionStage.Completed, Start.AddSeconds(30));
        var authorized = Stage(TransactionStage.Authorized, Start);
        var record = Record(completed, authorized);
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.False(Verdict(record).IsUnsettled);
        Assert.Equal(Start, record.AuthorizedAt);
        Assert.Equal(TransactionStage.Completed, record.LastStage);
    }

    [Fact]
    public void The_same_event_sent_twice_is_counted_once()
    {
        var authorized = Stage(TransactionStage.Authorized, Start);
        var record = Record(authorized, authorized, authorized);
        Assert.Single(record.Stages);
    }

    [Fact]
    public void Authorized_and_never_completed_without_power_loss_is_incomplete_and_operator_caused()
    {
        var record = Record(Stage(TransactionStage.Authorized, Start), Stage(TransactionStage.Signed, Start.AddSeconds(10)));
        _clock.Advance(TimeSpan.FromSeconds(300));

        var verdict = Verdict(record, Start.AddSeconds(-60)); // a loss before the sale does not count

        Assert.Equal(UnsettledReason.Incomplete, verdict.Reason);
        Assert.True(verdict.OperatorCaused);
    }

    [Fact]
    public void Completed_but_not_settled_within_the_limit_is_not_settled_at_the_limit()
    {
        var record = Record(Stage(TransactionStage.Authorized, Start), Stage(TransactionStage.Completed, Start.AddSeconds(20)));
        _clock.Advance(TimeSpan.FromHours(26) + TimeSpan.FromSeconds(19));
        var early = Verdict(record);
        Assert.False(early.IsUnsettled);
        Assert.Equal(Start.AddSeconds(20).AddHours(26), early.NextDeadline);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(UnsettledReason.NotSettled, Verdict(record).Reason);
    }

    [Fact]
    public void Unsettled_for_longer_than_the_warning_age_is_authorization_expiring()
    {
        var record = Record(Stage(TransactionStage.Authorized, Start), Stage(TransactionStage.Completed, Start.AddSeconds(20)));
        _clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(UnsettledReason.AuthorizationExpiring, Verdict(record).Reason);
    }

    [Theory]
    [InlineData(TransactionStage.Settled)]
    [InlineData(TransactionStage.Reversed)]
    [InlineData(TransactionStage.Voided)]
    [InlineData(TransactionStage.Declined)]
    public void Settled_reversed_voided_or_declined_leaves_the_list_by_itself(TransactionStage end)
    {
        var record = Record(Stage(TransactionStage.Authorized, Start), Stage(TransactionStage.Completed, Start.AddSeconds(20)));
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(UnsettledReason.NotSettled, Verdict(record).Reason);

        var closed = record.With(Stage(end, _clock.GetUtcNow()));

        Assert.False(Verdict(closed).IsUnsettled);
        Assert.Null(Verdict(closed).NextDeadline);
    }

    [Fact]
    public void Card_facts_come_from_the_authorization_whatever_the_arrival_order()
    {
        var completed = new TransactionEvent("c", Start.AddSeconds(30), "tx", TransactionStage.Completed, 999, "CNY");
        var authorized = new TransactionEvent("a", Start, "tx", TransactionStage.Authorized, 12800, "CNY", "622848******1234", "A1B2C3", "123456789012", "000123");

        var record = TransactionRecord.From("T-1", completed).With(authorized);

        Assert.Equal(12800, record.AmountMinor);
        Assert.Equal("622848******1234", record.MaskedPan);
        Assert.Equal("000123", record.BatchNumber);
    }
}
