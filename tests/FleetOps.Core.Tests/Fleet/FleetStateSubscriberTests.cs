using FleetOps.Core.Fleet;
using FleetOps.Core.Tests.TestSupport;

namespace FleetOps.Core.Tests.Fleet;

/// <summary>
/// A subscriber that throws (a page whose circuit is gone) neither keeps the change from being made nor keeps the
/// subscribers after it from hearing of it; the caller learns of the failure once everybody has heard.
/// </summary>
public class FleetStateSubscriberTests
{
    private readonly FleetHarness _h = new();

    [Fact]
    public void Throwing_subscriber_does_not_stop_the_change_or_the_later_subscribers()
    {
        _h.Register("T-0001");
        var heardLater = new List<string>();
        _h.Fleet.Changed += _ => throw new InvalidOperationException("The render handle is not yet assigned.");
        _h.Fleet.Changed += changed => heardLater.AddRange(changed.Select(t => t.TerminalId));

        var failure = Assert.Throws<AggregateException>(() => _h.Deliver("T-0001", _h.Heartbeat(app: "3.4.0")));

        Assert.IsType<InvalidOperationException>(Assert.Single(failure.InnerExceptions));
        Assert.Equal("3.4.0", _h["T-0001"].AppVersion);
        Assert.Equal(Connectivity.Online, _h["T-0001"].Assessment.Connectivity);
        Assert.Equal(["T-0001"], heardLater);
        Assert.Equal(2, _h.Notifications.Count); // the harness's own subscriber, first in line, heard both changes
    }
}
