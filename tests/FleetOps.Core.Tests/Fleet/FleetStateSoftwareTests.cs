using FleetOps.Core.Telemetry;
using FleetOps.Core.Detection;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Fleet;

public class FleetStateSoftwareTests
{
    private static readonly SoftwareTarget A920Target = new("A920", "3.3.0", "1.9.0", "3.0.0");
    private readonly FleetHarness _h = new();

    [Fact]
    public void Without_a_target_software_status_is_unknown()
    {
        _h.Register("T-0001");

        var terminal = _h.Deliver("T-0001", _h.Heartbeat(app: "3.2.1"));

        Assert.Equal(SoftwareStatus.Unknown, terminal.Assessment.Software);
        Assert.Equal("3.2.1", terminal.AppVersion);
        Assert.Equal("1.8.0", terminal.FirmwareVersion);
    }

    [Fact]
    public void Setting_a_target_makes_an_old_version_terminal_outdated_and_announces_it()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat(app: "3.2.1"));
        _h.ForgetHeard();

        _h.Fleet.SetTarget(A920Target);

        Assert.Equal(SoftwareStatus.Outdated, _h["T-0001"].Assessment.Software);
        Assert.True(_h["T-0001"].Assessment.HasProblem);
        Assert.Equal("T-0001", Assert.Single(_h.Heard()).TerminalId);
    }

    [Fact]
    public void Target_applies_only_to_its_model()
    {
        _h.Register("T-0001", model: "A920");
        _h.Register("T-0002", model: "A80");
        _h.Deliver("T-0001", _h.Heartbeat(app: "3.2.1"));
        _h.Deliver("T-0002", _h.Heartbeat(app: "3.2.1"));

        _h.Fleet.SetTarget(A920Target);

        Assert.Equal(SoftwareStatus.Outdated, _h["T-0001"].Assessment.Software);
        Assert.Equal(SoftwareStatus.Unknown, _h["T-0002"].Assessment.Software);
    }

    [Fact]
    public void Target_model_matches_regardless_of_case()
    {
        _h.Register("T-0001", model: "A920");
        _h.Deliver("T-0001", _h.Heartbeat(app: "3.2.1"));

        _h.Fleet.SetTarget(A920Target with { Model = "a920" });

        Assert.Equal(SoftwareStatus.Outdated, _h["T-0001"].Assessment.Software);
    }

    [Fact]
    public void Terminal_below_the_minimum_is_unsupported_and_one_on_target_is_current()
    {
        _h.Register("T-0001");
        _h.Register("T-0002");
        _h.Deliver("T-0001", _h.Heartbeat(app: "2.9.0"));
        _h.Deliver("T-0002", _h.Heartbeat(app: "3.10.0", firmware: "1.9.0"));

        _h.Fleet.SetTarget(A920Target);

        Assert.Equal(SoftwareStatus.Unsupported, _h["T-0001"].Assessment.Software);
        Assert.Equal(SoftwareStatus.Current, _h["T-0002"].Assessment.Software);
    }

    [Fact]
    public void Upgrading_to_the_target_makes_the_terminal_current()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat(app: "3.2.1"));
        _h.Fleet.SetTarget(A920Target);
        _h.Advance(TimeSpan.FromMinutes(1));

        var terminal = _h.Deliver("T-0001", _h.Heartbeat("b-2", app: "3.3.0", firmware: "1.9.0"));

        Assert.Equal(SoftwareStatus.Current, terminal.Assessment.Software);
    }

    [Fact]
    public void Late_heartbeat_does_not_roll_back_the_reported_version()
    {
        _h.Register("T-0001");
        _h.Fleet.SetTarget(A920Target);
        _h.Deliver("T-0001", _h.Heartbeat("b-2", app: "3.3.0", firmware: "1.9.0"));

        var terminal = _h.Deliver("T-0001", _h.Heartbeat("b-1", at: _h.Now.AddMinutes(-10), app: "3.2.1", firmware: "1.8.0"));

        Assert.Equal("3.3.0", terminal.AppVersion);
        Assert.Equal("1.9.0", terminal.FirmwareVersion);
        Assert.Equal("b-2", terminal.Heartbeat!.BootId);
        Assert.Equal(SoftwareStatus.Current, terminal.Assessment.Software);
    }

    [Fact]
    public void Late_heartbeat_in_the_same_batch_as_a_newer_one_does_not_win()
    {
        _h.Register("T-0001");
        var newer = _h.Heartbeat(app: "3.3.0");
        var older = _h.Heartbeat(at: _h.Now.AddSeconds(-60), app: "3.2.1");

        var terminal = _h.Deliver("T-0001", newer, older);

        Assert.Equal("3.3.0", terminal.AppVersion);
    }

    [Fact]
    public void Registration_change_keeps_what_telemetry_reported()
    {
        _h.Register("T-0001", store: "SH-001");
        _h.Deliver("T-0001", _h.Heartbeat(app: "3.2.1"));

        _h.Register("T-0001", store: "SH-002");

        Assert.Equal("SH-002", _h["T-0001"].StoreCode);
        Assert.Equal("3.2.1", _h["T-0001"].AppVersion);
        Assert.Empty(_h.Fleet.InStore("SH-001"));
        Assert.Single(_h.Fleet.InStore("SH-002"));
    }

    [Fact]
    public void Installed_of_the_target_version_makes_the_terminal_current_before_its_next_heartbeat()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", _h.Heartbeat(app: "3.2.1", firmware: "1.9.0"));
        _h.Fleet.SetTarget(A920Target);
        Assert.Equal(SoftwareStatus.Outdated, _h["T-0001"].Assessment.Software);

        var terminal = _h.Deliver("T-0001", new SoftwareEvent("sw-1", _h.Now.AddSeconds(1), SoftwareState.Installed, "3.3.0"));

        Assert.Equal("3.3.0", terminal.AppVersion);
        Assert.Equal(SoftwareStatus.Current, terminal.Assessment.Software);
        Assert.Equal(SoftwareState.Installed, terminal.Software!.State);
    }

    [Fact]
    public void A_later_heartbeat_still_decides_the_version_and_a_late_older_software_event_changes_nothing()
    {
        _h.Register("T-0001");
        _h.Deliver("T-0001", new SoftwareEvent("sw-2", _h.Now.AddSeconds(1), SoftwareState.Failed, "3.3.0", "disk full"));
        _h.Deliver("T-0001", _h.Heartbeat(app: "3.2.1", at: _h.Now.AddSeconds(2)));

        var terminal = _h.Deliver("T-0001", new SoftwareEvent("sw-1", _h.Now, SoftwareState.Installed, "3.3.0"));

        Assert.Equal("3.2.1", terminal.AppVersion);
        Assert.Equal(SoftwareState.Failed, terminal.Software!.State);
        Assert.Equal("disk full", terminal.Software.Error);
    }
}
