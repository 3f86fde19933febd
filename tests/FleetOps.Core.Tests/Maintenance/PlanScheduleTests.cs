using FleetOps.Core.Maintenance;
using Microsoft.Extensions.Time.Testing;

namespace FleetOps.Core.Tests.Maintenance;

/// <summary>What a plan generates, on a fake clock: schedule basis ahead of time, completion basis after the previous is done.</summary>
public sealed class PlanScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static MaintenancePlan Plan(RecurrenceBasis basis, Recurrence every, DateOnly startsOn, DateTimeOffset createdAt) =>
        new(7, "UPS test", "S1", null, [], DefaultChecklists.PowerUps, every, basis, startsOn, MaintenancePlan.DefaultDueTime,
            WorkOrderKind.Power, WorkOrderPriority.Normal, 60, null, createdAt, "admin@example.com");

    [Fact]
    public void Schedule_basis_makes_every_occurrence_within_the_days_ahead_in_the_stores_zone()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-01T00:30:00Z")); // already Jan 1 in Shanghai
        var plan = Plan(RecurrenceBasis.Schedule, new Recurrence(1, RecurrenceUnit.Week), new DateOnly(2027, 1, 1), clock.GetUtcNow());

        var due = PlanSchedule.Due(plan, [new PlanSubject("S1", null, Shanghai)], [], clock.GetUtcNow(), 30).ToList();

        Assert.Equal(["2027-01-01", "2027-01-08", "2027-01-15", "2027-01-22", "2027-01-29"], due.Select(d => d.Occurrence));
        Assert.Equal(DateTimeOffset.Parse("2027-01-01T17:00:00+08:00"), due[0].DueAt);

        clock.Advance(TimeSpan.FromDays(7));
        var later = PlanSchedule.Due(plan, [new PlanSubject("S1", null, Shanghai)], [], clock.GetUtcNow(), 30).Select(d => d.Occurrence).ToList();
        Assert.Equal("2027-02-05", later[^1]); // the same keys again plus the new one: inserting them is idempotent
        Assert.Contains("2027-01-01", later);
    }

    [Fact]
    public void Schedule_basis_does_not_make_work_for_days_before_the_plan_existed()
    {
        var now = DateTimeOffset.Parse("2027-03-10T08:00:00Z");
        var plan = Plan(RecurrenceBasis.Schedule, new Recurrence(1, RecurrenceUnit.Month), new DateOnly(2027, 1, 31), now);

        var due = PlanSchedule.Due(plan, [new PlanSubject("S1", null, Shanghai)], [], now, 30).Select(d => d.Occurrence);

        Assert.Equal(["2027-03-31"], due);
    }

    [Fact]
    public void Schedule_basis_keeps_the_local_due_time_across_daylight_saving()
    {
        var now = DateTimeOffset.Parse("2027-03-20T08:00:00Z");
        var plan = Plan(RecurrenceBasis.Schedule, new Recurrence(1, RecurrenceUnit.Week), new DateOnly(2027, 3, 21), now);

        var due = PlanSchedule.Due(plan, [new PlanSubject("L1", null, London)], [], now, 10).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromHours(1)], due.Select(d => d.DueAt.Offset));
        Assert.All(due, d => Assert.Equal(17, d.DueAt.Hour));
    }

    [Fact]
    public void Completion_basis_makes_the_next_only_after_the_previous_is_done_counting_from_its_completion()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-01T02:00:00Z"));
        var plan = Plan(RecurrenceBasis.Completion, new Recurrence(3, RecurrenceUnit.Month), new DateOnly(2027, 1, 4), clock.GetUtcNow());
        var subjects = new[] { new PlanSubject("S1", null, Shanghai) };

        var first = Assert.Single(PlanSchedule.Due(plan, subjects, [], clock.GetUtcNow(), 30));
        Assert.Equal(("first", new DateOnly(2027, 1, 4)), (first.Occurrence, first.Date));

        var open = Order(41, WorkOrderState.Scheduled, null);
        Assert.Empty(PlanSchedule.Due(plan, subjects, [open], clock.GetUtcNow(), 30));

        clock.Advance(TimeSpan.FromDays(10));
        var done = open with { State = WorkOrderState.Done, ClosedAt = DateTimeOffset.Parse("2027-01-10T20:00:00Z") }; // Jan 11 in Shanghai
        var next = Assert.Single(PlanSchedule.Due(plan, subjects, [done], clock.GetUtcNow(), 30));
        Assert.Equal(("after:41", new DateOnly(2027, 4, 11)), (next.Occurrence, next.Date));
    }

    [Fact]
    public void A_terminal_plan_makes_one_occurrence_per_terminal()
    {
        var now = DateTimeOffset.Parse("2027-01-01T02:00:00Z");
        var plan = Plan(RecurrenceBasis.Schedule, new Recurrence(1, RecurrenceUnit.Month), new DateOnly(2027, 1, 5), now);

        var due = PlanSchedule.Due(plan, [new PlanSubject("S1", "T1", Shanghai), new PlanSubject("S1", "T2", Shanghai)], [], now, 30).ToList();

        Assert.Equal(["T1", "T2"], due.Select(d => d.Subject.TerminalId));
    }

    private static WorkOrder Order(long id, WorkOrderState state, DateTimeOffset? closedAt) =>
        new(id, "S1", null, "UPS test", WorkOrderKind.Power, WorkOrderPriority.Normal, state, DateTimeOffset.Parse("2027-01-04T09:00:00Z"),
            DefaultChecklists.PowerUps, 1, DateTimeOffset.Parse("2027-01-01T02:00:00Z"), "generator") { PlanId = 7, ClosedAt = closedAt };
}
