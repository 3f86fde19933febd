using FleetOps.Core.Maintenance;

namespace FleetOps.Core.Tests.Maintenance;

/// <summary>The work order's legal moves, and the overlap rule behind the schedule's conflict warning.</summary>
public sealed class WorkOrderFlowTests
{
    public static TheoryData<WorkOrderState, WorkOrderCommand, WorkOrderState?> Moves() => new()
    {
        { WorkOrderState.Open, WorkOrderCommand.Schedule, WorkOrderState.Scheduled },
        { WorkOrderState.Scheduled, WorkOrderCommand.Schedule, WorkOrderState.Scheduled },
        { WorkOrderState.Scheduled, WorkOrderCommand.Start, WorkOrderState.InProgress },
        { WorkOrderState.Open, WorkOrderCommand.Start, WorkOrderState.InProgress },
        { WorkOrderState.InProgress, WorkOrderCommand.Complete, WorkOrderState.Done },
        { WorkOrderState.InProgress, WorkOrderCommand.Wait, WorkOrderState.Waiting },
        { WorkOrderState.Waiting, WorkOrderCommand.Start, WorkOrderState.InProgress },
        { WorkOrderState.Waiting, WorkOrderCommand.Cancel, WorkOrderState.Cancelled },
        { WorkOrderState.Scheduled, WorkOrderCommand.Complete, null },
        { WorkOrderState.InProgress, WorkOrderCommand.Start, null },
        { WorkOrderState.Done, WorkOrderCommand.Cancel, null },
        { WorkOrderState.Done, WorkOrderCommand.Schedule, null },
        { WorkOrderState.Cancelled, WorkOrderCommand.Start, null },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Only_legal_moves_lead_anywhere(WorkOrderState from, WorkOrderCommand command, WorkOrderState? to) =>
        Assert.Equal(to, WorkOrderFlow.Next(from, command));

    [Fact]
    public void Conflicts_are_other_open_bookings_of_the_same_technician_that_overlap()
    {
        var nine = DateTimeOffset.Parse("2027-01-04T09:00:00+08:00");
        WorkOrder Booked(long id, string who, int fromHour, int toHour, WorkOrderState state = WorkOrderState.Scheduled) =>
            new(id, "S1", null, $"Visit {id}", WorkOrderKind.Inspection, WorkOrderPriority.Normal, state, nine.AddDays(1), "c", 1, nine, "x")
            { Assignee = who, ScheduledStart = nine.AddHours(fromHour - 9), ScheduledEnd = nine.AddHours(toHour - 9) };
        var orders = new[]
        {
            Booked(1, "tech@example.com", 9, 10), Booked(2, "TECH@example.com", 10, 11), Booked(3, "other@example.com", 9, 12),
            Booked(4, "tech@example.com", 11, 12), Booked(5, "tech@example.com", 9, 12, WorkOrderState.Done), Booked(6, "tech@example.com", 9, 11),
        };

        var conflicts = WorkOrderFlow.Conflicts(orders, 6, "tech@example.com", nine, nine.AddHours(2));

        Assert.Equal([1L, 2L], conflicts.Select(o => o.Id));
    }

    [Fact]
    public void Overdue_means_open_and_past_due()
    {
        var due = DateTimeOffset.Parse("2027-01-04T17:00:00+08:00");
        var order = new WorkOrder(1, "S1", null, "t", WorkOrderKind.Other, WorkOrderPriority.Low, WorkOrderState.Scheduled, due, "c", 1, due, "x");

        Assert.False(order.IsOverdue(due));
        Assert.True(order.IsOverdue(due.AddMinutes(1)));
        Assert.False((order with { State = WorkOrderState.Done }).IsOverdue(due.AddMinutes(1)));
    }
}
