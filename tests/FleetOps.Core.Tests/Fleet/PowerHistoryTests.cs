using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using static FleetOps.Core.Tests.TestSupport.PowerTimeline;

namespace FleetOps.Core.Tests.Fleet;

public class PowerHistoryTests
{
    [Theory]
    [InlineData(PowerState.Lost)]
    [InlineData(PowerState.Brownout)]
    public void Lost_and_brownout_count_as_losses(PowerState state)
    {
        var history = Apply([Power("p-1", 5, state)]);

        Assert.Equal([Min(5)], history.Losses());
    }

    [Theory]
    [InlineData(PowerState.Restored)]
    [InlineData(PowerState.OnBattery)]
    [InlineData(PowerState.LowBattery)]
    [InlineData(PowerState.Shutdown)]
    public void Other_power_states_are_not_losses(PowerState state)
    {
        Assert.Empty(Apply([Power("p-1", 5, state)]).Losses());
    }

    [Fact]
    public void Heartbeats_of_one_boot_are_not_a_loss()
    {
        Assert.Empty(Apply([Beat("h-1", 0, "b-1"), Beat("h-2", 1, "b-1"), Beat("h-3", 2, "b-1")]).Losses());
    }

    [Fact]
    public void New_boot_id_without_shutdown_or_lost_is_an_unexpected_reboot_loss_at_the_first_new_heartbeat()
    {
        var history = Apply([Beat("h-1", 0, "b-1"), Beat("h-2", 1, "b-1"), Beat("h-3", 4, "b-2"), Beat("h-4", 5, "b-2")]);

        Assert.Equal([Min(4)], history.Losses());
    }

    [Fact]
    public void Clean_shutdown_between_boots_is_not_a_loss()
    {
        var history = Apply([Beat("h-1", 0, "b-1"), Power("p-1", 2, PowerState.Shutdown), Beat("h-2", 4, "b-2")]);

        Assert.Empty(history.Losses());
    }

    [Fact]
    public void Lost_between_boots_counts_once_not_again_for_the_reboot()
    {
        var history = Apply([Beat("h-1", 0, "b-1"), Power("p-1", 2, PowerState.Lost), Beat("h-2", 4, "b-2")]);

        Assert.Equal([Min(2)], history.Losses());
    }

    [Fact]
    public void Brownout_does_not_explain_a_reboot_so_both_count()
    {
        var history = Apply([Beat("h-1", 0, "b-1"), Power("p-1", 2, PowerState.Brownout), Beat("h-2", 4, "b-2")]);

        Assert.Equal([Min(2), Min(4)], history.Losses());
    }

    [Fact]
    public void Shutdown_before_the_last_heartbeat_of_the_old_boot_does_not_explain_the_reboot()
    {
        var history = Apply([Beat("h-1", 0, "b-1"), Power("p-1", 1, PowerState.Shutdown), Beat("h-2", 2, "b-1"), Beat("h-3", 4, "b-2")]);

        Assert.Equal([Min(4)], history.Losses());
    }

    [Fact]
    public void Every_reboot_is_judged_on_its_own_gap()
    {
        var history = Apply([
            Beat("h-1", 0, "b-1"), Beat("h-2", 10, "b-2"),
            Power("p-1", 12, PowerState.Shutdown), Beat("h-3", 20, "b-3"),
            Beat("h-4", 30, "b-4"),
        ]);

        Assert.Equal([Min(10), Min(30)], history.Losses());
    }

    [Fact]
    public void Out_of_order_arrival_of_the_same_events_gives_the_same_losses()
    {
        TelemetryEvent[] live =
        [
            Beat("h-1", 0, "b-1"), Beat("h-2", 1, "b-1"), Power("p-1", 2, PowerState.Lost), Beat("h-3", 4, "b-2"),
            Beat("h-4", 5, "b-2"), Beat("h-5", 9, "b-3"), Power("p-2", 11, PowerState.Brownout),
            Power("p-3", 12, PowerState.Shutdown), Beat("h-6", 14, "b-4"), Beat("h-7", 20, "b-5"),
        ];
        var expected = Apply(live).Losses();
        Assert.Equal([Min(2), Min(9), Min(11), Min(20)], expected);

        var random = new Random(1234);
        for (var round = 0; round < 25; round++)
        {
            var shuffled = live.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Apply(shuffled).Losses());
        }
        Assert.Equal(expected, Apply(live.Reverse()).Losses());
    }

    [Fact]
    public void Losses_come_out_oldest_first_whatever_the_arrival_order()
    {
        var history = Apply([Power("p-3", 30, PowerState.Lost), Power("p-1", 10, PowerState.Lost), Power("p-2", 20, PowerState.Brownout)]);

        Assert.Equal([Min(10), Min(20), Min(30)], history.Losses());
    }

    [Fact]
    public void Duplicate_power_event_id_is_applied_once()
    {
        var once = Apply([Power("p-1", 5, PowerState.Lost)]);

        var twice = once.With(Power("p-1", 5, PowerState.Lost));

        Assert.Same(once, twice);
        Assert.Single(twice.Losses());
    }

    [Fact]
    public void Resent_heartbeat_changes_nothing()
    {
        var history = Apply([Beat("h-1", 0, "b-1"), Beat("h-2", 3, "b-1")]);

        Assert.Same(history, history.With(Beat("h-1", 0, "b-1")));
    }

    [Fact]
    public void Transactions_do_not_touch_power_history()
    {
        var history = Apply([Power("p-1", 5, PowerState.Lost)]);

        Assert.Same(history, history.With(new TransactionEvent("t-1", Min(6), "tx", TransactionStage.Authorized, 100, "CNY")));
    }

    [Fact]
    public void Out_of_order_losses_through_the_history_give_the_same_stability()
    {
        var options = new DetectionOptions();
        TelemetryEvent[] losses = [Power("p-1", 0, PowerState.Lost), Power("p-2", 60, PowerState.Brownout), Power("p-3", 120, PowerState.Lost)];
        var now = Min(121);

        var inOrder = PowerStabilityRule.Evaluate(Apply(losses).Losses(), now, options);
        var reversed = PowerStabilityRule.Evaluate(Apply(losses.Reverse()).Losses(), now, options);

        Assert.Equal(PowerStatus.Unstable, inOrder.Status);
        Assert.Equal(inOrder, reversed);
    }

    [Fact]
    public void Trim_drops_old_marks_but_keeps_the_newest_boot_for_reboot_detection()
    {
        var history = Apply([Power("p-1", 0, PowerState.Lost), Beat("h-1", 1, "b-1"), Power("p-2", 100, PowerState.Lost)]);

        var trimmed = history.Trim(Min(50));

        Assert.Equal([Min(100)], trimmed.Losses());
        Assert.Single(trimmed.Boots);
        var rebooted = trimmed.With(Beat("h-2", 101, "b-2"));
        Assert.Equal([Min(100)], rebooted.Losses()); // the lost at 100 explains the reboot
    }

    [Fact]
    public void Losses_worked_out_once_are_not_carried_over_to_a_changed_history()
    {
        var history = Apply([Beat("h-1", 0, "b-1"), Power("p-1", 5, PowerState.Lost)]);
        Assert.Equal([Min(5)], history.Losses());

        var later = history.With(Beat("h-2", 10, "b-2")).With(Beat("h-3", 20, "b-3")); // b-3: nobody announced it

        Assert.Equal([Min(5), Min(20)], later.Losses());
        Assert.Equal([Min(5)], history.Losses());
        Assert.Equal(history, history with { }); // equality ignores whether losses were worked out
    }
}
