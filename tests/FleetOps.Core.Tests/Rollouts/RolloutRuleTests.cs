using FleetOps.Core.Fleet;
using FleetOps.Core.Rollouts;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Rollouts;

public class RolloutRuleTests
{
    private readonly FleetHarness _h = new();

    private Rollout Rollout(int halt = 20, int? advance = null, int accepted = -1) => new(1, "A920", "3.3.0", null, halt, advance, RolloutState.Running,
        [new RolloutWave(WaveSpec.OfPercent(50), ["T-1", "T-2", "T-3", "T-4", "T-5"], _h.Now), new RolloutWave(WaveSpec.OfPercent(100), ["T-6"], null)],
        _h.Now, "admin", accepted);

    public RolloutRuleTests()
    {
        foreach (var id in new[] { "T-1", "T-2", "T-3", "T-4", "T-5", "T-6" })
        {
            _h.Register(id);
            _h.Deliver(id, _h.Heartbeat(app: "3.2.0"));
        }
    }

    private WaveProgress Wave0(Rollout rollout) => RolloutRule.Progress(rollout, rollout.Waves[0], _h.Fleet.Get);

    private void Report(string id, SoftwareState state, string version = "3.3.0") =>
        _h.Deliver(id, new SoftwareEvent($"sw-{id}-{state}", _h.Now.AddSeconds(1), state, version, null));

    [Fact]
    public void Installed_counts_the_version_or_later_and_failed_only_a_failure_of_this_version()
    {
        Report("T-1", SoftwareState.Installed);
        Report("T-2", SoftwareState.Installed, "3.4.0");
        Report("T-3", SoftwareState.Failed);
        Report("T-4", SoftwareState.Failed, "3.2.5");
        Report("T-5", SoftwareState.Downloading);

        Assert.Equal(new WaveProgress(5, 2, 1), Wave0(Rollout()));
    }

    [Fact]
    public void Exactly_the_threshold_failed_does_not_halt_and_one_more_does()
    {
        Report("T-1", SoftwareState.Failed);
        Assert.Equal(RolloutDecision.None, RolloutRule.Decide(Rollout(halt: 20), [Wave0(Rollout()), default]));

        Report("T-2", SoftwareState.Failed);
        Assert.Equal(RolloutDecision.Halt, RolloutRule.Decide(Rollout(halt: 20), [Wave0(Rollout()), default]));
        Assert.Equal(RolloutDecision.None, RolloutRule.Decide(Rollout(halt: 20, accepted: 0), [Wave0(Rollout()), default]));
    }

    [Fact]
    public void The_success_threshold_advances_only_when_one_is_set()
    {
        foreach (var id in new[] { "T-1", "T-2", "T-3", "T-4" }) Report(id, SoftwareState.Installed);

        Assert.Equal(RolloutDecision.Advance, RolloutRule.Decide(Rollout(advance: 80), [Wave0(Rollout()), default]));
        Assert.Equal(RolloutDecision.None, RolloutRule.Decide(Rollout(advance: 90), [Wave0(Rollout()), default]));
        Assert.Equal(RolloutDecision.None, RolloutRule.Decide(Rollout(), [Wave0(Rollout()), default]));
    }
}
