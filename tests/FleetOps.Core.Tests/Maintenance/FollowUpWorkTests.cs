using FleetOps.Core.Maintenance;

namespace FleetOps.Core.Tests.Maintenance;

/// <summary>A follow-up of a flagged item: a high-priority repair at the same place, titled with what was found; nothing for a fine item.</summary>
public sealed class FollowUpWorkTests
{
    private static readonly ChecklistTemplate Power = DefaultChecklists.All.Single(t => t.Key == DefaultChecklists.PowerUps);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static WorkOrder Done(params ChecklistAnswer[] results) =>
        new(7, "S-1", "T-1", "UPS test", WorkOrderKind.Power, WorkOrderPriority.Normal, WorkOrderState.Done, Now, Power.Key, Power.Version, Now.AddDays(-1), "admin")
        {
            Assignee = "tech@example.com", Results = results,
        };

    [Fact]
    public void A_reading_out_of_limits_raises_a_high_priority_repair_named_after_the_reading()
    {
        var parent = Done(new("ups_runtime", "4", "battery worn"), new("adapter_ok", "true"));

        var followUp = FollowUpWork.For(parent, Power, "ups_runtime", Now, TimeSpan.FromDays(3), "tech@example.com")!;

        Assert.Equal("Follow-up: UPS runtime on battery — 4 minutes", followUp.Title);
        Assert.Equal((WorkOrderKind.Repair, WorkOrderPriority.High, WorkOrderState.Open), (followUp.Kind, followUp.Priority, followUp.State));
        Assert.Equal(("S-1", "T-1", Now.AddDays(3)), (followUp.StoreCode, followUp.TerminalId, followUp.DueAt));
        Assert.Equal((7L, "ups_runtime", "tech@example.com"), (followUp.FollowUpOf, followUp.FollowUpItem, followUp.Assignee));
        Assert.Equal(Power.Key, followUp.ChecklistKey);
    }

    [Fact]
    public void A_failed_check_raises_one_and_a_fine_or_unknown_item_does_not()
    {
        var parent = Done(new("surge_protection", "false"), new("adapter_ok", "true"), new("ups_runtime", "14"));

        Assert.Equal("Follow-up: Terminal is behind surge protection, not a daisy-chained power strip — failed", FollowUpWork.For(parent, Power, "surge_protection", Now, TimeSpan.FromDays(3), "a")!.Title);
        Assert.Null(FollowUpWork.For(parent, Power, "adapter_ok", Now, TimeSpan.FromDays(3), "a"));
        Assert.Null(FollowUpWork.For(parent, Power, "ups_runtime", Now, TimeSpan.FromDays(3), "a"));
        Assert.Null(FollowUpWork.For(parent, Power, "ups_self_test", Now, TimeSpan.FromDays(3), "a")); // not answered
        Assert.Null(FollowUpWork.For(parent, Power, "no_such_item", Now, TimeSpan.FromDays(3), "a"));
    }
}
