using FleetOps.Core.Fleet;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Fleet;

/// <summary>
/// A subscriber that throws (a page whose circuit is gone) neither keeps the change from being made, nor reaches the
/// writer that published it, nor keeps the other subscribers from hearing of it (issue 9).
/// </summary>
public class FleetStateSubscriberTests
{
    private readonly FleetHarness _h = new();

    [Fact]
    public void Throwing_subscriber_neither_reaches_the_writer_nor_stops_the_change_or_the_other_subscribers()
    {
        _h.Register("T-0001");
        _h.Fleet.Subscribe(null, _ => throw new InvalidOperationException("The render handle is not yet assigned."), TimeSpan.Zero);

        var terminal = _h.Deliver("T-0001", _h.Heartbeat(app: "3.4.0"));

        Assert.Equal("3.4.0", terminal.AppVersion);
        Assert.Equal(Connectivity.Online, terminal.Assessment.Connectivity);
        Assert.Contains(_h.Heard(), t => t.TerminalId == "T-0001" && t.AppVersion == "3.4.0");
    }
}
