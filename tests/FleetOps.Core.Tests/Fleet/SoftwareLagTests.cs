using FleetOps.Core.Detection;
using FleetOps.Core.Fleet;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Fleet;

/// <summary><c>outdatedSince</c> and overdue updates (issue 13), on the fake clock.</summary>
public class SoftwareLagTests
{
    private readonly FleetHarness _h = new();

    private SoftwareTarget SetTarget(string app, string firmware = "1.8.0", string? minimum = "3.0.0")
    {
        var target = new SoftwareTarget("A920", app, firmware, minimum, _h.Now);
        _h.Fleet.SetTarget(target);
        return target;
    }

    private DateTimeOffset? Since(string terminalId) => SoftwareLag.BehindSince(_h[terminalId], _h.Fleet.TargetFor("A920"));

    [Fact]
    public void A_terminal_left_behind_by_a_new_target_is_behind_since_the_target_was_set()
    {
        _h.Register("T-1");
        _h.Deliver("T-1", _h.Heartbeat(app: "3.2.1"));
        _h.Advance(TimeSpan.FromDays(2));
        var setAt = _h.Now;

        SetTarget("3.3.0");
        _h.Advance(TimeSpan.FromHours(5));
        _h.Deliver("T-1", _h.Heartbeat(app: "3.2.1")); // still the same version: the lag does not restart

        Assert.Equal(SoftwareStatus.Outdated, _h["T-1"].Assessment.Software);
        Assert.Equal(setAt, Since("T-1"));
    }

    [Fact]
    public void A_terminal_that_goes_back_to_an_old_version_is_behind_since_it_reported_it()
    {
        SetTarget("3.3.0");
        _h.Register("T-1");
        _h.Deliver("T-1", _h.Heartbeat(app: "3.3.0"));
        Assert.Null(Since("T-1"));
        _h.Advance(TimeSpan.FromDays(1));
        var downgradedAt = _h.Now;

        _h.Deliver("T-1", _h.Heartbeat(app: "3.1.0"));

        Assert.Equal(downgradedAt, Since("T-1"));
    }

    [Fact]
    public void Updating_to_the_target_ends_the_lag_and_an_unsupported_terminal_is_behind_too()
    {
        SetTarget("3.3.0");
        _h.Register("T-1");
        _h.Register("T-2");
        _h.Deliver("T-1", _h.Heartbeat(app: "3.2.0"));
        _h.Deliver("T-2", _h.Heartbeat(app: "2.9.0"));

        _h.Deliver("T-1", _h.Heartbeat(app: "V3.3.0_20261201", at: _h.Now.AddMinutes(1)));

        Assert.Null(Since("T-1"));
        Assert.Equal(SoftwareStatus.Unsupported, _h["T-2"].Assessment.Software);
        Assert.NotNull(Since("T-2"));
    }

    [Fact]
    public void An_update_is_overdue_only_once_the_limit_after_the_target_has_passed()
    {
        _h.Register("T-1");
        _h.Deliver("T-1", _h.Heartbeat(app: "3.2.1"));
        var target = SetTarget("3.3.0");
        var limit = TimeSpan.FromDays(7);

        _h.Advance(limit - TimeSpan.FromSeconds(1));
        Assert.False(SoftwareLag.IsOverdue(_h["T-1"], target, _h.Now, limit));
        _h.Advance(TimeSpan.FromSeconds(1));
        Assert.True(SoftwareLag.IsOverdue(_h["T-1"], target, _h.Now, limit));
    }

    [Fact]
    public void Compliance_counts_per_model_and_store_lists_versions_newest_first_and_the_longest_behind_first()
    {
        SetTarget("3.10.0");
        _h.Register("T-1", store: "S-1");
        _h.Register("T-2", store: "S-1");
        _h.Register("T-3", store: "S-2");
        _h.Register("T-4", store: "S-2", model: "V400m");
        _h.Deliver("T-1", _h.Heartbeat(app: "3.9.2"));
        _h.Advance(TimeSpan.FromHours(1));
        _h.Deliver("T-2", _h.Heartbeat(app: "3.10.0"));
        _h.Deliver("T-3", _h.Heartbeat(app: "2.0.0"));
        _h.Deliver("T-4", _h.Heartbeat(app: "1.0.0"));

        var c = SoftwareCompliance.Of(_h.Fleet.All, _h.Fleet.TargetFor);

        var a920 = c.Models.Single(m => m.Key == "A920");
        Assert.Equal((3, 1, 1, 1, 0), (a920.Terminals, a920.Current, a920.Outdated, a920.Unsupported, a920.Unknown));
        Assert.Equal(1, c.Models.Single(m => m.Key == "V400m").Unknown);
        Assert.Equal(["3.10.0", "3.9.2", "2.0.0"], c.Versions["A920"].Select(v => v.Version));
        Assert.Equal("S-2", c.Stores[0].Key); // lowest share running the target first
        Assert.Equal(["T-3", "T-1"], c.Behind(10).Select(b => b.Terminal.TerminalId)); // unsupported before outdated
        Assert.Equal(["T-3"], c.Behind(1).Select(b => b.Terminal.TerminalId));
        Assert.Equal(2, c.BehindCount);
    }
}
