using FleetOps.Core.Fleet;
using FleetOps.Core.Telemetry;
using static FleetOps.Core.Tests.TestSupport.PowerTimeline;

namespace FleetOps.Core.Tests.Fleet;

/// <summary>
/// <see cref="PowerHistory.AnswersAsBefore"/>: which later histories the store power incidents may treat as unchanged.
/// Saying "unchanged" wrongly would keep an outage open after a till reported again, so the claim is also checked
/// against the two answers themselves over many random histories.
/// </summary>
public class PowerHistoryAnswersTests
{
    [Fact]
    public void Later_heartbeats_of_a_boot_that_already_reported_after_the_moment_answer_as_before()
    {
        var earlier = Apply([Beat("h-1", 0, "b-1"), Power("p-1", 5, PowerState.Lost), Beat("h-2", 6, "b-1")]);

        var later = earlier.With(Beat("h-3", 7, "b-1")).With(Beat("h-4", 8, "b-1"));

        Assert.NotSame(earlier, later);
        Assert.True(later.AnswersAsBefore(earlier, Min(5)));
        Assert.Equal(earlier.FirstReportFrom(Min(5)), later.FirstReportFrom(Min(5)));
    }

    [Fact]
    public void The_first_heartbeat_after_the_moment_of_a_boot_that_lived_through_it_changes_the_answer()
    {
        // The till kept running through the loss at 5 and reports again at 9: that report ends an outage.
        var earlier = Apply([Beat("h-1", 0, "b-1"), Power("p-1", 5, PowerState.Lost)]);
        var later = earlier.With(Beat("h-2", 9, "b-1"));

        Assert.False(later.AnswersAsBefore(earlier, Min(5)));
        Assert.Null(earlier.FirstReportFrom(Min(5)));
        Assert.Equal(Min(5), later.FirstReportFrom(Min(5)));
    }

    [Fact]
    public void A_boot_that_began_after_the_moment_answers_as_before_whatever_it_reports_later()
    {
        var earlier = Apply([Beat("h-1", 0, "b-1"), Power("p-1", 5, PowerState.Lost), Beat("h-2", 9, "b-2")]);

        Assert.True(earlier.With(Beat("h-3", 10, "b-2")).AnswersAsBefore(earlier, Min(5)));
    }

    [Fact]
    public void A_new_boot_a_power_event_or_an_earlier_heartbeat_of_the_boot_changes_the_answer()
    {
        var earlier = Apply([Beat("h-1", 0, "b-1"), Power("p-1", 5, PowerState.Lost), Beat("h-2", 9, "b-1")]);

        Assert.False(earlier.With(Beat("h-3", 10, "b-2")).AnswersAsBefore(earlier, Min(5)));
        Assert.False(earlier.With(Power("p-2", 10, PowerState.Restored)).AnswersAsBefore(earlier, Min(5)));
        Assert.False(earlier.With(Beat("h-0", -1, "b-1")).AnswersAsBefore(earlier, Min(5)));
        Assert.True(earlier.AnswersAsBefore(earlier, Min(5)));
    }

    [Fact]
    public void Whenever_a_later_history_answers_as_before_its_losses_and_first_reports_up_to_the_moment_are_the_same()
    {
        var random = new Random(20261204);
        var claimed = 0;
        for (var round = 0; round < 2_000; round++)
        {
            var history = PowerHistory.Empty;
            for (var step = 0; step < 12; step++)
            {
                var next = history.With(RandomEvent(random, round, step));
                var until = Min(random.Next(0, 40));
                if (next.AnswersAsBefore(history, until))
                {
                    claimed++;
                    Assert.Equal(history.Losses(), next.Losses());
                    for (var at = -2.0; at <= (until - T0).TotalMinutes; at += 0.5)
                    {
                        Assert.Equal(history.FirstReportFrom(Min(at)), next.FirstReportFrom(Min(at)));
                    }
                }
                history = next;
            }
        }
        Assert.True(claimed > 1_000, $"only {claimed} later histories were judged unchanged: the check above proves little");
    }

    private static TelemetryEvent RandomEvent(Random random, int round, int step)
    {
        var id = $"e-{round}-{step}";
        var at = random.Next(0, 40) + (random.Next(2) * 0.5);
        return random.Next(10) switch
        {
            0 => Power(id, at, PowerState.Lost),
            1 => Power(id, at, PowerState.Restored),
            2 => Power(id, at, PowerState.Shutdown),
            _ => Beat(id, at, $"b-{random.Next(3)}"),
        };
    }
}
