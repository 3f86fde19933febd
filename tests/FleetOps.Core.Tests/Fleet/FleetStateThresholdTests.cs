using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Fleet;

/// <summary>New thresholds in force at once: every terminal judged again by them and only what changed published.</summary>
public class FleetStateThresholdTests
{
    private readonly FleetHarness _h = new();

    [Fact]
    public void A_wider_store_wide_rule_turns_two_losses_in_a_store_of_four_into_a_store_outage_and_publishes_only_those()
    {
        for (var i = 1; i <= 4; i++)
        {
            _h.Register($"T{i}");
            _h.Deliver($"T{i}", _h.Heartbeat());
        }
        _h.Deliver("T1", _h.Power());
        _h.Deliver("T2", _h.Power());
        Assert.Equal(LikelyCause.Device, _h["T1"].Assessment.LikelyCause); // 2 of 4 is under 60 %
        _h.ForgetHeard();

        var options = _h.Fleet.Options.Copy();
        options.StoreWideShare = 0.5;
        var changed = _h.Fleet.ApplyOptions(options);

        Assert.Equal(2, changed);
        Assert.Equal((LikelyCause.Store, LikelyCause.Store), (_h["T1"].Assessment.LikelyCause, _h["T2"].Assessment.LikelyCause));
        Assert.Equal(["T1", "T2"], _h.Heard().Select(t => t.TerminalId).Order());
        Assert.Same(options, _h.Fleet.Options);
    }

    [Fact]
    public void The_save_rule_is_the_start_up_rule_and_names_each_setting()
    {
        var configured = new DetectionOptions();

        var problems = Thresholds.Problems(configured, new Dictionary<string, double> { ["StoreWideShare"] = 0, ["OfflineAfterSeconds"] = 60 });
        var whole = Thresholds.Problems(configured, new Dictionary<string, double> { ["UnstablePowerLosses"] = 2.5 });

        Assert.Equal("FleetOps:Detection:StoreWideShare must be between 0.01 and 1 (was 0).", Assert.Single(problems, p => p.Key == "StoreWideShare").Value);
        Assert.DoesNotContain("OfflineAfterSeconds", problems.Keys);
        Assert.Contains("whole number", whole["UnstablePowerLosses"]);
        Assert.Equal(180, configured.OfflineAfterSeconds); // applying never changes the configured instance
    }
}
