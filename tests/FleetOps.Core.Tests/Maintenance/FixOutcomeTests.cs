using FleetOps.Core.Detection;
using FleetOps.Core.Maintenance;
using FleetOps.Core.Telemetry;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Maintenance;

/// <summary>"The fix did not work" (issue 14 item 6): a power inspection judged a week later against the terminal's power.</summary>
public class FixOutcomeTests
{
    private readonly FleetHarness _h = new();

    public FixOutcomeTests()
    {
        _h.Register("T-1");
        _h.Register("T-2");
        _h.Deliver("T-1", _h.Heartbeat());
    }

    private WorkOrder Done(WorkOrderKind kind, string? terminalId = "T-1", string store = "SH-001") =>
        new WorkOrder(1, store, terminalId, "Power inspection", kind, WorkOrderPriority.Normal, WorkOrderState.Done, _h.Now, "power_ups", 1, _h.Now, "admin")
        {
            ClosedAt = _h.Now,
        };

    /// <summary>Losses enough to make the terminal unstable, a few minutes apart, from now.</summary>
    private void LosePowerRepeatedly()
    {
        for (var i = 0; i < 4; i++)
        {
            _h.Deliver("T-1", _h.Power(PowerState.Lost));
            _h.Advance(TimeSpan.FromMinutes(5));
            _h.Deliver("T-1", _h.Heartbeat(bootId: $"b-{i + 2}"));
            _h.Advance(TimeSpan.FromMinutes(5));
        }
        Assert.Equal(PowerStatus.Unstable, _h["T-1"].Assessment.Power);
    }

    [Fact]
    public void Unstable_a_week_after_the_power_inspection_with_losses_since_means_the_fix_did_not_work()
    {
        var fix = Done(WorkOrderKind.Power);
        _h.Advance(TimeSpan.FromDays(7));
        LosePowerRepeatedly();

        Assert.Same(fix, FixOutcome.PowerFixFailed(_h["T-1"], [fix], _h.Now));
    }

    [Fact]
    public void A_store_visit_counts_for_its_terminals_and_other_kinds_of_work_do_not()
    {
        var storeVisit = Done(WorkOrderKind.Power, terminalId: null);
        var cleaning = Done(WorkOrderKind.Inspection);
        var elsewhere = Done(WorkOrderKind.Power, store: "SH-002", terminalId: null);
        _h.Advance(TimeSpan.FromDays(8));
        LosePowerRepeatedly();

        Assert.Same(storeVisit, FixOutcome.PowerFixFailed(_h["T-1"], [storeVisit, cleaning, elsewhere], _h.Now));
        Assert.Null(FixOutcome.PowerFixFailed(_h["T-1"], [cleaning, elsewhere], _h.Now));
    }

    [Fact]
    public void Too_soon_to_judge_or_losses_only_before_the_visit_are_not_a_failed_fix()
    {
        _h.Advance(TimeSpan.FromDays(1));
        LosePowerRepeatedly();
        var fix = Done(WorkOrderKind.Power); // done after the losses, which still count in the window

        Assert.Null(FixOutcome.PowerFixFailed(_h["T-1"], [fix], _h.Now)); // judged too soon
        _h.Advance(FixOutcome.Settle);
        Assert.Null(FixOutcome.PowerFixFailed(_h["T-1"], [fix], _h.Now)); // no loss after the visit
    }
}
