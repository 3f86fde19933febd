using FleetOps.Core.Rollouts;

namespace FleetOps.Core.Tests.Rollouts;

public class RolloutPlannerTests
{
    private static readonly (string, string)[] Fleet =
        [.. Enumerable.Range(1, 10).Select(i => ($"T-{i:00}", i <= 4 ? "SH-001" : "BJ-002"))];

    [Fact]
    public void Store_waves_take_their_stores_terminals_and_a_percentage_takes_its_share_of_those_left_rounded_up()
    {
        var (waves, problem) = RolloutPlanner.Plan("A920", "3.3.0", Fleet, [WaveSpec.OfStores("sh-001"), WaveSpec.OfPercent(50), WaveSpec.OfPercent(100)]);

        Assert.Null(problem);
        Assert.Equal(["T-01", "T-02", "T-03", "T-04"], waves![0]);
        Assert.Equal(3, waves[1].Count);
        Assert.Equal(3, waves[2].Count);
        Assert.Equal(Fleet.Select(t => t.Item1).Order(), waves.SelectMany(w => w).Order());
    }

    [Fact]
    public void The_choice_is_the_same_whatever_order_the_terminals_come_in()
    {
        var once = RolloutPlanner.Plan("A920", "3.3.0", Fleet, [WaveSpec.OfPercent(30), WaveSpec.OfPercent(100)]).Waves!;
        var again = RolloutPlanner.Plan("A920", "3.3.0", Fleet.Reverse().ToArray(), [WaveSpec.OfPercent(30), WaveSpec.OfPercent(100)]).Waves!;

        Assert.Equal(once[0], again[0]);
        Assert.Equal(once[1], again[1]);
    }

    [Fact]
    public void A_wave_that_would_hold_no_terminal_is_refused_naming_it()
    {
        var (waves, problem) = RolloutPlanner.Plan("A920", "3.3.0", Fleet, [WaveSpec.OfPercent(100), WaveSpec.OfStores("SH-001")]);

        Assert.Null(waves);
        Assert.Contains("Wave 2", problem);
    }
}
