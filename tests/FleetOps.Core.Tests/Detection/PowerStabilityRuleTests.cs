using FleetOps.Core.Detection;

namespace FleetOps.Core.Tests.Detection;

/// <summary>Unstable power (docs/api.md §3): 3 losses inside 24 h; stable again only after a whole 24 h without one.</summary>
public class PowerStabilityRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
    private static readonly DetectionOptions Options = new();

    private static PowerStability Evaluate(double nowHours, params double[] lossHours) =>
        PowerStabilityRule.Evaluate(lossHours.Select(h => T0.AddHours(h)).ToList(), T0.AddHours(nowHours), Options);

    [Fact]
    public void No_losses_is_stable()
    {
        var result = Evaluate(1);

        Assert.Equal(new PowerStability(PowerStatus.Stable, 0, null), result);
    }

    [Fact]
    public void Three_losses_within_24_hours_is_unstable()
    {
        var result = Evaluate(23, 0, 10, 22);

        Assert.Equal(PowerStatus.Unstable, result.Status);
        Assert.Equal(3, result.LossesInWindow);
        Assert.Equal(T0.AddHours(22), result.LastLossAt);
    }

    [Fact]
    public void Two_losses_within_24_hours_is_stable()
    {
        var result = Evaluate(3, 1, 2);

        Assert.Equal(PowerStatus.Stable, result.Status);
        Assert.Equal(2, result.LossesInWindow);
    }

    [Fact]
    public void Three_losses_spread_over_more_than_24_hours_is_stable()
    {
        var result = Evaluate(25, 0, 12, 24.5);

        Assert.Equal(PowerStatus.Stable, result.Status);
    }

    [Fact]
    public void Custom_threshold_is_honoured()
    {
        var options = new DetectionOptions { UnstablePowerLosses = 2, UnstablePowerWindowHours = 1 };

        var result = PowerStabilityRule.Evaluate([T0, T0.AddMinutes(30)], T0.AddMinutes(31), options);

        Assert.Equal(PowerStatus.Unstable, result.Status);
    }

    [Fact]
    public void Once_unstable_it_stays_unstable_while_losses_keep_coming_less_than_a_window_apart()
    {
        // Unstable at hour 2; then one loss every 20 h: never 3 in the current window, never a quiet window.
        var result = Evaluate(61, 0, 1, 2, 20, 40, 60);

        Assert.Equal(PowerStatus.Unstable, result.Status);
        Assert.Equal(2, result.LossesInWindow); // 40 h and 60 h
    }

    [Fact]
    public void Unstable_with_a_single_loss_left_in_the_window_stays_unstable()
    {
        var result = Evaluate(26.5, 0, 1, 2, 20);

        Assert.Equal(PowerStatus.Unstable, result.Status);
        Assert.Equal(1, result.LossesInWindow);
    }

    [Fact]
    public void Stable_again_after_a_whole_window_without_a_loss()
    {
        Assert.Equal(PowerStatus.Unstable, Evaluate(2 + 24 - 0.001, 0, 1, 2).Status);

        var result = Evaluate(2 + 24, 0, 1, 2);

        Assert.Equal(PowerStatus.Stable, result.Status);
        Assert.Equal(0, result.LossesInWindow);
        Assert.Equal(T0.AddHours(2), result.LastLossAt);
    }

    [Fact]
    public void A_single_loss_after_a_quiet_window_does_not_bring_instability_back()
    {
        var result = Evaluate(31, 0, 1, 2, 30);

        Assert.Equal(PowerStatus.Stable, result.Status);
        Assert.Equal(1, result.LossesInWindow);
    }

    [Fact]
    public void Two_losses_that_never_reached_three_do_not_start_hysteresis()
    {
        var result = Evaluate(41, 0, 20, 40);

        Assert.Equal(PowerStatus.Stable, result.Status);
    }

    [Fact]
    public void Losses_reported_after_now_are_ignored()
    {
        var result = Evaluate(3, 1, 2, 4);

        Assert.Equal(PowerStatus.Stable, result.Status);
        Assert.Equal(2, result.LossesInWindow);
        Assert.Equal(T0.AddHours(2), result.LastLossAt);
    }

    [Fact]
    public void Evaluation_depends_only_on_the_loss_times_so_replays_give_the_same_answer()
    {
        double[] losses = [0, 1, 2, 20, 40];

        var first = Evaluate(45, losses);
        var again = Evaluate(45, losses);

        Assert.Equal(first, again);
    }
}
